namespace Program287g.IceLists;

/// <summary>Which of ICE's two lists a spreadsheet is: agreements in force, or applications still pending.</summary>
public enum IceListKind
{
    Participating,
    Pending,
}
