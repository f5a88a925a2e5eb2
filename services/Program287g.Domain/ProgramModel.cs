namespace Program287g.Domain;

/// <summary>The three 287(g) models. An agency may hold one agreement per model.</summary>
public enum ProgramModel
{
    JailEnforcement,
    TaskForce,
    WarrantServiceOfficer,
}

/// <summary>The names ICE prints for each model: the code (JEM, TFM, WSO) and the full name of its
/// "SUPPORT TYPE" column.</summary>
public static class ProgramModels
{
    public static IReadOnlyList<ProgramModel> All { get; } = [ProgramModel.JailEnforcement, ProgramModel.TaskForce, ProgramModel.WarrantServiceOfficer];

    public static string Code(this ProgramModel model) => model switch
    {
        ProgramModel.JailEnforcement => "JEM",
        ProgramModel.TaskForce => "TFM",
        ProgramModel.WarrantServiceOfficer => "WSO",
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, null),
    };

    public static string FullName(this ProgramModel model) => model switch
    {
        ProgramModel.JailEnforcement => "Jail Enforcement Model",
        ProgramModel.TaskForce => "Task Force Model",
        ProgramModel.WarrantServiceOfficer => "Warrant Service Officer",
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, null),
    };

    /// <summary>The model for a code or ICE's full name, in any case, with stray and non-breaking spaces ignored;
    /// null when it is neither.</summary>
    public static ProgramModel? Parse(string? codeOrName)
    {
        var cleaned = SpacedText.Collapse(codeOrName);
        foreach (var model in All)
        {
            if (cleaned.Equals(model.Code(), StringComparison.OrdinalIgnoreCase)
                || cleaned.Equals(model.FullName(), StringComparison.OrdinalIgnoreCase))
            {
                return model;
            }
        }
        return null;
    }
}
