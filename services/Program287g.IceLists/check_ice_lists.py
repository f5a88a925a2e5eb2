"""Counts ICE's 287(g) lists straight from the xlsx XML (zipfile + ElementTree, no spreadsheet library), applying
the IceListReader rules as written in README.md, so the C# reader's figures can be checked independently.

    python3 check_ice_lists.py ../../../shared/data/287g/*.xlsx
"""
import collections, datetime, re, sys, urllib.parse, zipfile
import xml.etree.ElementTree as ET

M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
PR = '{http://schemas.openxmlformats.org/package/2006/relationships}'
STATES = {n.upper(): c for n, c in [
    ('Alabama', 'AL'), ('Alaska', 'AK'), ('Arizona', 'AZ'), ('Arkansas', 'AR'), ('California', 'CA'), ('Colorado', 'CO'),
    ('Connecticut', 'CT'), ('Delaware', 'DE'), ('Florida', 'FL'), ('Georgia', 'GA'), ('Hawaii', 'HI'), ('Idaho', 'ID'),
    ('Illinois', 'IL'), ('Indiana', 'IN'), ('Iowa', 'IA'), ('Kansas', 'KS'), ('Kentucky', 'KY'), ('Louisiana', 'LA'),
    ('Maine', 'ME'), ('Maryland', 'MD'), ('Massachusetts', 'MA'), ('Michigan', 'MI'), ('Minnesota', 'MN'),
    ('Mississippi', 'MS'), ('Missouri', 'MO'), ('Montana', 'MT'), ('Nebraska', 'NE'), ('Nevada', 'NV'),
    ('New Hampshire', 'NH'), ('New Jersey', 'NJ'), ('New Mexico', 'NM'), ('New York', 'NY'), ('North Carolina', 'NC'),
    ('North Dakota', 'ND'), ('Ohio', 'OH'), ('Oklahoma', 'OK'), ('Oregon', 'OR'), ('Pennsylvania', 'PA'),
    ('Rhode Island', 'RI'), ('South Carolina', 'SC'), ('South Dakota', 'SD'), ('Tennessee', 'TN'), ('Texas', 'TX'),
    ('Utah', 'UT'), ('Vermont', 'VT'), ('Virginia', 'VA'), ('Washington', 'WA'), ('West Virginia', 'WV'),
    ('Wisconsin', 'WI'), ('Wyoming', 'WY')]}
MODELS = {'JAIL ENFORCEMENT MODEL': 'JEM', 'TASK FORCE MODEL': 'TFM', 'WARRANT SERVICE OFFICER': 'WSO'}
TYPES = {'COUNTY', 'MUNICIPALITY', 'STATE AGENCY'}


def clean(s):
    return ' '.join((s or '').split())  # str.split() splits on NBSP too


def text_of(si):
    return ''.join(t.text or '' for t in si.iter(M + 't'))


def unwrap(url):
    parts = urllib.parse.urlsplit(url or '')
    if parts.netloc.endswith('.safelinks.protection.outlook.com'):
        return urllib.parse.parse_qs(parts.query)['url'][0]
    return url


def rows_of(path):
    z = zipfile.ZipFile(path)
    strings = [text_of(si) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall(M + 'si')]
    sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
    rels = {}
    if 'xl/worksheets/_rels/sheet1.xml.rels' in z.namelist():
        rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/worksheets/_rels/sheet1.xml.rels')).iter(PR + 'Relationship')}
    links = {h.get('ref'): rels[h.get(R + 'id')] for h in sheet.iter(M + 'hyperlink') if h.get(R + 'id')}
    modified = re.search(r'<dcterms:modified[^>]*>([^<]+)<', z.read('docProps/core.xml').decode()).group(1)
    rows = []
    for row in sheet.iter(M + 'row'):
        cells = {}
        for c in row.findall(M + 'c'):
            col = re.match('[A-Z]+', c.get('r')).group(0)
            v, t = c.find(M + 'v'), c.get('t')
            value = strings[int(v.text)] if t == 's' else (v.text if v is not None else None)
            cells[col] = (value, t, links.get(c.get('r')))
        rows.append((int(row.get('r')), cells))
    return rows, datetime.datetime.fromisoformat(modified.replace('Z', '+00:00'))


def signed_of(value, kind, latest):
    if clean(value) == '':
        return None, 'blank'
    if kind is None:  # a number: Excel 1900 serial (all ICE's are past serial 60)
        day = datetime.date(1899, 12, 30) + datetime.timedelta(days=int(float(value)))
    else:
        m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/?(\d{4})', clean(value))  # the July files need only these forms
        if not m:
            return None, 'not a date'
        day = datetime.date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    if day < datetime.date(2002, 1, 1) or day > latest:
        return None, f'{day} out of range'
    return day, None


def check(path):
    rows, modified = rows_of(path)
    header = {clean(v[0]).upper(): col for col, v in rows[0][1].items() if v[0]}
    participating = 'SIGNED' in header or 'MOA' in header
    latest = (modified + datetime.timedelta(days=1)).date()
    taken, problems, first = [], [], {}
    for number, cells in rows[1:]:
        if all(clean(v[0]) == '' and not v[2] for v in cells.values()):
            continue
        get = lambda name: cells.get(header.get(name), (None, None, None))
        why = []
        state = STATES.get(clean(get('STATE')[0]).upper())
        name = clean(get('LAW ENFORCEMENT AGENCY')[0])
        kind = clean(get('TYPE')[0]).upper()
        model = MODELS.get(clean(get('SUPPORT TYPE')[0]).upper())
        why += [] if state else [('STATE', get('STATE')[0])]
        why += [] if name else [('LAW ENFORCEMENT AGENCY', 'blank')]
        why += [] if kind in TYPES else [('TYPE', get('TYPE')[0])]
        why += [] if model else [('SUPPORT TYPE', get('SUPPORT TYPE')[0])]
        signed = None
        if participating:
            signed, problem = signed_of(get('SIGNED')[0], get('SIGNED')[1], latest)
            why += [('SIGNED', problem, get('SIGNED')[0])] if problem else []
        key = (name.upper(), state, model)
        if not why and key in first:
            why.append(('duplicate of row', first[key]))
        if why:
            problems.append((number, why))
            continue
        first[key] = number
        county = clean(get('COUNTY')[0])
        taken.append(dict(row=number, state=state, name=name, type=kind, model=model, signed=signed,
                          county=None if county in ('', '#N/A') else county,
                          moa=unwrap(get('MOA')[2]), pending=clean(get('MOA')[0]).upper() == 'LINK PENDING',
                          addendum=unwrap(get('ADDENDUM')[2])))
    agencies = lambda ts: len({(t['name'].upper(), t['state']) for t in ts})
    states = lambda ts: len({t['state'] for t in ts})
    print(path.split('/')[-1], 'modified', modified.isoformat())
    print('  rows taken', len(taken), '| problems', problems)
    print('  agencies', agencies(taken), '| states', states(taken),
          '| agencies with more than one row', sum(1 for c in collections.Counter((t['name'].upper(), t['state']) for t in taken).values() if c > 1))
    for m in ('JEM', 'TFM', 'WSO'):
        ts = [t for t in taken if t['model'] == m]
        print(f'  {m}: rows {len(ts)}, agencies {agencies(ts)}, states {states(ts)}')
    print('  types', dict(collections.Counter(t['type'] for t in taken)), '| county null', sum(t['county'] is None for t in taken))
    if participating:
        print('  MOA links', sum(bool(t['moa']) for t in taken), '| link pending', sum(t['pending'] for t in taken),
              '| addendum links', sum(bool(t['addendum']) for t in taken),
              '| signed', min(t['signed'] for t in taken), 'to', max(t['signed'] for t in taken))


if __name__ == '__main__':
    for p in sys.argv[1:]:
        check(p)
