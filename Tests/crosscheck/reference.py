#!/usr/bin/env python3
"""Independent reference implementation of shared/design/DATA.md (carbontop's data contract).

Written from the contract alone (not from the Swift sources). Usage:

    reference.py DATASET [--scenario FILE]      prints the JSON report

Readings of ambiguous passages are listed in AMBIGUITIES.md (tags "A<n>" in comments).
Python 3.11, stdlib only.
"""
from __future__ import annotations

import json
import math
import os
import re
import sys
import tomllib
from decimal import Decimal, ROUND_HALF_UP, InvalidOperation

LEVERS = [
    "scope1_change", "electricity_growth", "grid_factor_change", "clean_share_target",
    "removals_per_year", "offsets_per_year", "revenue_growth", "scope3_change", "avoided_growth",
]
CATEGORY_NAMES = [
    "Purchased goods and services", "Capital goods", "Fuel- and energy-related activities",
    "Upstream transportation and distribution", "Waste generated in operations",
    "Business travel", "Employee commuting", "Upstream leased assets",
    "Downstream transportation and distribution", "Processing of sold products",
    "Use of sold products", "End-of-life treatment of sold products", "Downstream leased assets",
    "Franchises", "Investments",
]
OPS_NUM = ["scope1_tco2e", "scope2_location_tco2e", "scope2_market_tco2e", "scope1_2_tco2e",
           "removals_tco2e", "offsets_tco2e", "abatement_tco2e", "electricity_mwh",
           "clean_electricity_mwh", "pue"]
TABLES = {
    "operations.csv": (["period", "entity"], OPS_NUM),
    "value_chain.csv": (["period", "entity", "category", "tco2e"], ["data_quality"]),
    "revenue.csv": (["period", "entity", "revenue"], []),
    "avoided.csv": (["period", "entity", "program", "avoided_tco2e"], ["verified", "method"]),
}
EVENT_COLS = ["timestamp", "entity", "program", "participant", "avoided_kgco2e"]
NUM_RE = re.compile(r"^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
FY_RE = re.compile(r"^FY([0-9]{4})$")
MONTH_RE = re.compile(r"^([0-9]{4})-([0-9]{2})$")
DAY_RE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
TS_RE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:Z|[+-]([0-9]{2}):([0-9]{2})))?$")
ID_RE = re.compile(r"^[a-z0-9-]+$")
YEAR_LIMIT = 2100


def days_in_month(y: int, m: int) -> int:
    if m == 2:
        return 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28
    return 30 if m in (4, 6, 9, 11) else 31


class Diags:
    def __init__(self) -> None:
        self.items: list[dict] = []

    def add(self, sev, file, line, col, msg):
        self.items.append({"severity": sev, "file": file, "line": line, "column": col, "message": msg})

    def err(self, file, line, col, msg):
        self.add("error", file, line, col, msg)

    def warn(self, file, line, col, msg):
        self.add("warning", file, line, col, msg)


def fsum(vals):
    vals = [v for v in vals if v is not None]
    return math.fsum(vals) if vals else None


def add(*vals):
    """Sum of the reported values; None when none was (DATA.md 'Missing values')."""
    return fsum(vals)


def div(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def safe_pow(base, exp):
    try:
        r = math.pow(base, exp)
    except (OverflowError, ValueError):
        return math.inf if base > 0 else None
    return r


# ----------------------------------------------------------------------------- CSV reading

def read_csv(path: str, rel: str, diags: Diags):
    """Returns (header list, [(line, [cells])]) or None. Cells are str or None (invalid UTF-8)."""
    if os.path.isdir(path):
        diags.err(rel, None, None, "expected a file, found a folder")
        return None
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        diags.err(rel, None, None, f"cannot read: {e.strerror}")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    records = []  # (line, [(bytes, quoted)])
    i, n, line = 0, len(data), 1
    bad_file = False
    while i < n:
        # one record
        start_line = line
        fields = []
        while True:
            # one field
            if i < n and data[i:i + 1] == b'"':
                i += 1
                buf = bytearray()
                closed = False
                while i < n:
                    c = data[i:i + 1]
                    if c == b'"':
                        if data[i + 1:i + 2] == b'"':
                            buf += b'"'
                            i += 2
                            continue
                        i += 1
                        closed = True
                        break
                    if c == b"\n":
                        line += 1
                    buf += c
                    i += 1
                if not closed:
                    diags.err(rel, start_line, len(fields) + 1, "unterminated quoted field")
                    fields.append(None)
                    records.append((start_line, fields, True))
                    i = n
                    break
                # after closing quote: allow spaces/tabs then , or line end
                j = i
                while j < n and data[j:j + 1] in (b" ", b"\t"):
                    j += 1
                if j < n and data[j:j + 1] not in (b",", b"\n", b"\r"):
                    diags.err(rel, start_line, len(fields) + 1, "text after a closing quote")
                    # skip to end of line
                    while j < n and data[j:j + 1] != b"\n":
                        j += 1
                    i = j
                    fields.append(None)
                    fields = ["__ERR__"]
                    # consume newline
                    if i < n:
                        i += 1
                        line += 1
                    records.append((start_line, fields, True))
                    fields = None
                    break
                i = j
                fields.append((bytes(buf), True))
            else:
                j = i
                while j < n and data[j:j + 1] not in (b",", b"\n", b"\r"):
                    j += 1
                raw = data[i:j]
                if b'"' in raw:
                    diags.err(rel, start_line, len(fields) + 1, "a quote inside an unquoted field")
                    while j < n and data[j:j + 1] != b"\n":
                        j += 1
                    i = j
                    if i < n:
                        i += 1
                        line += 1
                    records.append((start_line, ["__ERR__"], True))
                    fields = None
                    break
                fields.append((raw.strip(b" \t"), False))
                i = j
            if fields is None:
                break
            # separator
            if i >= n:
                records.append((start_line, fields, False))
                break
            c = data[i:i + 1]
            if c == b",":
                i += 1
                continue
            if c == b"\r":
                if data[i + 1:i + 2] == b"\n":
                    i += 2
                    line += 1
                    records.append((start_line, fields, False))
                    break
                diags.err(rel, start_line, len(fields), "a lone CR (expected LF or CRLF line ends)")
                # treat as line end for recovery
                i += 1
                records.append((start_line, ["__ERR__"], True))
                break
            if c == b"\n":
                i += 1
                line += 1
                records.append((start_line, fields, False))
                break
        if bad_file:
            break
    # decode and drop blank lines
    out = []
    for ln, fields, is_err in records:
        if is_err:
            continue
        if len(fields) == 1 and fields[0][0] == b"" and not fields[0][1]:
            continue  # blank line
        cells = []
        for raw, q in fields:
            try:
                cells.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                cells.append(None)
        out.append((ln, cells))
    if not out:
        diags.warn(rel, None, None, "no header: the file means no data")
        return None
    return out


# ----------------------------------------------------------------------------- dataset

class Calendar:
    def __init__(self, end_month: int):
        self.M = end_month

    def fy_of_month(self, y: int, m: int) -> int:
        return y if m <= self.M else y + 1

    def last_month(self, fy: int):
        return (fy, self.M)

    def month_index(self, fy: int, y: int, m: int) -> int:
        """1-based position of month (y, m) in fiscal year fy."""
        start_y, start_m = (fy - 1, self.M + 1) if self.M < 12 else (fy, 1)
        return (y - start_y) * 12 + (m - start_m) + 1


def parse_period(s: str):
    """('FY', fy) | ('M', y, m) | ('D', y, m, d) | None."""
    m = FY_RE.match(s)
    if m:
        return ("FY", int(m.group(1)))
    m = MONTH_RE.match(s)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            return ("M", y, mo)
        return None
    m = DAY_RE.match(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= days_in_month(y, mo):
            return ("D", y, mo, d)
    return None


def parse_number(s: str):
    if not NUM_RE.match(s):
        return None
    try:
        v = float(s)
    except ValueError:
        return None
    if not math.isfinite(v):
        return None
    return v


class Dataset:
    def __init__(self, folder: str, scenario: str | None):
        self.folder = folder
        self.diags = Diags()
        self.org = None
        self.cal = Calendar(12)
        self.targets: list[dict] = []
        self.ops = []      # dict rows
        self.vc = []
        self.rev = []
        self.avo = []
        self.events = {}   # (fy, entity, program) -> [milli, count, set(participants)]
        self.event_rows = []  # (file, fy, y, m, entity)
        self.annual_fys = set()
        self.dated = []    # (fy, y, m)
        self.data_fys = set()
        self.fallback_rows = 0
        self.scenario = None
        self._load_toml()
        self._load_tables()
        if scenario:
            self._load_scenario(scenario)

    # --- dataset.toml
    def _load_toml(self):
        p = os.path.join(self.folder, "dataset.toml")
        d = self.diags
        try:
            with open(p, "rb") as f:
                doc = tomllib.load(f)
        except FileNotFoundError:
            d.err("dataset.toml", None, None, "missing dataset.toml")
            return
        except IsADirectoryError:
            d.err("dataset.toml", None, None, "expected a file, found a folder")
            return
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            d.err("dataset.toml", 1, 1, f"invalid TOML: {e}")
            return
        except OSError as e:
            d.err("dataset.toml", None, None, f"cannot read: {e}")
            return
        org = doc.get("organization")
        if not isinstance(org, dict) or not isinstance(org.get("name"), str):
            d.err("dataset.toml", 1, 1, "[organization] name: required")
        else:
            self.org = org["name"]
            fye = org.get("fiscal_year_end", "12-31")
            ok = False
            if isinstance(fye, str) and re.match(r"^[0-9]{2}-[0-9]{2}$", fye):
                mm, dd = int(fye[:2]), int(fye[3:])
                if 1 <= mm <= 12 and (dd == days_in_month(2001, mm) or (mm == 2 and dd == 29)):
                    ok = True
                    self.cal = Calendar(mm)
            if not ok:
                d.err("dataset.toml", 1, 1, "fiscal_year_end: expected MM-DD, the last day of a month")
        ids = set()
        tlist = doc.get("target", [])
        if not isinstance(tlist, list):
            tlist = []
        for t in tlist:
            tgt = self._parse_target(t, ids)
            if tgt:
                ids.add(tgt["id"])
                self.targets.append(tgt)

    def _parse_target(self, t, ids):
        d = self.diags

        def bad(msg):
            d.err("dataset.toml", 1, 1, msg)
            return None

        if not isinstance(t, dict):
            return bad("target: expected a table")
        tid, kind = t.get("id"), t.get("kind")
        if not isinstance(tid, str) or not ID_RE.match(tid):
            return bad("target id: required, [a-z0-9-]+")
        if tid in ids:
            return bad(f"duplicate target id {tid}")
        if kind not in ("neutrality", "intensity", "avoided"):
            return bad("kind: unknown")
        title = t.get("title", tid)
        if not isinstance(title, str):
            return bad("title: expected a string")
        entity = t.get("entity", "*")
        if not isinstance(entity, str):
            return bad("entity: expected a string")

        def fy(key):
            v = t.get(key)
            if not isinstance(v, str):
                return None
            m = FY_RE.match(v)
            return int(m.group(1)) if m else None

        tgt = {"id": tid, "kind": kind, "title": title, "entity": entity}
        if kind in ("neutrality", "intensity"):
            sc = t.get("scopes")
            if not isinstance(sc, list) or not sc or not all(isinstance(x, str) and x in ("1", "2", "3") for x in sc):
                return bad("scopes: expected a non-empty list of \"1\", \"2\", \"3\"")
            basis = t.get("scope2_basis", "market")
            if basis not in ("market", "location"):
                return bad("scope2_basis")
            b, T = fy("baseline"), fy("by")
            if b is None or T is None:
                return bad("baseline/by: required FYnnnn")
            if T <= b:
                return bad("by must be after baseline")
            tgt.update(scopes=set(sc), basis=basis, b=b, T=T)
            if kind == "neutrality":
                off = t.get("offsets", True)
                if not isinstance(off, bool):
                    return bad("offsets: expected a boolean")
                tgt["offsets"] = off
            else:
                r = t.get("reduction")
                if isinstance(r, bool) or not isinstance(r, (int, float)) or not (0 < r <= 1):
                    return bad("reduction: in (0, 1]")
                tgt["reduction"] = float(r)
        else:
            a = t.get("amount_tco2e")
            if isinstance(a, bool) or not isinstance(a, (int, float)) or not (a > 0) or not math.isfinite(a):
                return bad("amount_tco2e > 0")
            b, T = fy("from"), fy("by")
            if b is None or T is None:
                return bad("from/by required")
            if T < b:
                return bad("by before from")
            tgt.update(amount=float(a), b=b, T=T)
        return tgt

    # --- CSVs
    def _period_fy(self, p):
        if p[0] == "FY":
            return p[1]
        return self.cal.fy_of_month(p[1], p[2])

    def _load_tables(self):
        units_seen = {}
        for name, (req, opt) in TABLES.items():
            path = os.path.join(self.folder, name)
            if not os.path.lexists(path):
                continue
            recs = read_csv(path, name, self.diags)
            if recs is None:
                continue
            self._load_table(name, req, opt, recs)
        self._load_events()
        self._post_checks()

    def _header(self, name, recs, req, opt):
        hl, header = recs[0]
        cols = {}
        for i, h in enumerate(header):
            if h is None:
                self.diags.err(name, hl, i + 1, "invalid UTF-8 in header")
                continue
            if h in cols:
                self.diags.err(name, hl, i + 1, f"duplicate column {h}")
                return None
            cols[h] = i
            if h not in req and h not in opt:
                self.diags.warn(name, hl, i + 1, f"unknown column {h}")
        for r in req:
            if r not in cols:
                self.diags.err(name, hl, 1, f"missing required column {r}")
                return None
        return cols

    def _load_table(self, name, req, opt, recs):
        cols = self._header(name, recs, req, opt)
        if cols is None:
            return
        d = self.diags
        units = {}  # unit key -> 'A' (annual) or 'S' (sub-annual)
        for ln, cells in recs[1:]:
            def cell(c):
                i = cols.get(c)
                if i is None or i >= len(cells):
                    return ""
                return cells[i]
            bad = False
            for c in list(cols):
                i = cols[c]
                if i < len(cells) and cells[i] is None:
                    d.err(name, ln, i + 1, f"{c}: invalid UTF-8")
                    bad = True
            if bad:
                continue
            ps = cell("period")
            if ps == "":
                d.err(name, ln, cols["period"] + 1, "period: empty")
                continue
            p = parse_period(ps)
            if p is None:
                d.err(name, ln, cols["period"] + 1, f"period: expected FYyyyy, yyyy-mm or yyyy-mm-dd, found {ps!r}")
                continue
            ent = cell("entity")
            if ent == "":
                d.err(name, ln, cols["entity"] + 1, "entity: empty")
                continue
            row = {"line": ln, "fy": self._period_fy(p), "p": p, "entity": ent}
            # numbers
            numcols = {"operations.csv": OPS_NUM, "value_chain.csv": ["tco2e"], "revenue.csv": ["revenue"],
                       "avoided.csv": ["avoided_tco2e"]}[name]
            for c in numcols:
                s = cell(c)
                if s == "":
                    row[c] = None
                    continue
                v = parse_number(s)
                if v is None:
                    d.err(name, ln, cols[c] + 1, f"{c}: expected a number, found {s!r}")
                    bad = True
                    break
                row[c] = v
            if bad:
                continue
            key = (ent, row["fy"])
            if name == "value_chain.csv":
                cat = cell("category")
                if cat == "":
                    row["category"] = None
                elif re.match(r"^[0-9]+$", cat) and 1 <= int(cat) <= 15:
                    row["category"] = int(cat)
                else:
                    d.err(name, ln, cols["category"] + 1, f"category: expected 1-15, found {cat!r}")
                    continue
                key = key + (row["category"],)
            if name == "avoided.csv":
                prog = cell("program")
                if prog == "":
                    d.err(name, ln, cols["program"] + 1, "program: empty")
                    continue
                row["program"] = prog
                v = cell("verified").strip().lower() if "verified" in cols else ""
                vmap = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False, "": False}
                if v not in vmap:
                    d.err(name, ln, cols["verified"] + 1, f"verified: expected true/false, found {v!r}")
                    continue
                row["verified"] = vmap[v]
                key = key + (prog,)
            if name == "operations.csv":
                split = [row[c] for c in ("scope1_tco2e", "scope2_location_tco2e", "scope2_market_tco2e")]
                if row["scope1_2_tco2e"] is not None and any(v is not None for v in split):
                    d.err(name, ln, cols["scope1_2_tco2e"] + 1, "scope1_2_tco2e together with split columns")
                    continue
            kind = "A" if p[0] == "FY" else "S"
            prev = units.get(key)
            if prev is not None and (prev == "A" or kind == "A"):
                d.err(name, ln, cols["period"] + 1, "double counting: unit already given")
                continue
            units[key] = kind
            # accepted
            if name == "operations.csv":
                sl, sm = row["scope2_location_tco2e"], row["scope2_market_tco2e"]
                if (sl is None) != (sm is None):
                    self.fallback_rows += 1
                    if sl is None:
                        row["scope2_location_tco2e"] = sm
                    else:
                        row["scope2_market_tco2e"] = sl
                self.ops.append(row)
            elif name == "value_chain.csv":
                self.vc.append(row)
            elif name == "revenue.csv":
                self.rev.append(row)
            else:
                self.avo.append(row)
            self._note(row["fy"], p, name, ent)

    def _note(self, fy, p, table, ent):
        self.data_fys.add(fy)
        if p[0] == "FY":
            self.annual_fys.add(fy)
        else:
            self.dated.append((fy, p[1], p[2], table, ent))

    def _load_events(self):
        ev_dir = os.path.join(self.folder, "events")
        if not os.path.isdir(ev_dir):
            return
        try:
            names = sorted(os.listdir(ev_dir), key=lambda s: s.encode("utf-8", "surrogateescape"))
        except OSError:
            return
        avo_keys = {(r["fy"], r["entity"], r["program"]) for r in self.avo}
        agg = {}
        for fn in names:
            if not fn.endswith(".csv"):
                continue
            rel = "events/" + fn
            recs = read_csv(os.path.join(ev_dir, fn), rel, self.diags)
            if recs is None:
                continue
            cols = self._header(rel, recs, EVENT_COLS, [])
            if cols is None:
                continue
            d = self.diags
            for ln, cells in recs[1:]:
                def cell(c):
                    i = cols[c]
                    return cells[i] if i < len(cells) else ""
                if any(c is None for c in cells):
                    i = next(k for k, c in enumerate(cells) if c is None)
                    d.err(rel, ln, i + 1, "invalid UTF-8")
                    continue
                ts = cell("timestamp")
                m = TS_RE.match(ts)
                if not m:
                    d.err(rel, ln, cols["timestamp"] + 1, f"timestamp: expected YYYY-MM-DD[Thh:mm:ss(Z|+hh:mm)], found {ts!r}")
                    continue
                y, mo, dd = int(m.group(1)), int(m.group(2)), int(m.group(3))
                if not (1 <= mo <= 12 and 1 <= dd <= days_in_month(y, mo)):
                    d.err(rel, ln, cols["timestamp"] + 1, "timestamp: invalid date")
                    continue
                ent, prog, part = cell("entity"), cell("program"), cell("participant")
                if ent == "" or prog == "":
                    d.err(rel, ln, cols["entity"] + 1, "empty entity/program")
                    continue
                s = cell("avoided_kgco2e")
                if s == "" or parse_number(s) is None:
                    d.err(rel, ln, cols["avoided_kgco2e"] + 1, f"avoided_kgco2e: expected a number, found {s!r}")
                    continue
                try:
                    milli = int((Decimal(s) * 1000).to_integral_value(rounding=ROUND_HALF_UP))
                except InvalidOperation:
                    d.err(rel, ln, cols["avoided_kgco2e"] + 1, "avoided_kgco2e: bad number")
                    continue
                fy = self.cal.fy_of_month(y, mo)
                key = (fy, ent, prog)
                if key in avo_keys:
                    d.err(rel, ln, cols["program"] + 1, "double counting: also in avoided.csv")
                    continue
                a = agg.setdefault(key, [0, 0, set()])
                a[0] += milli
                a[1] += 1
                a[2].add(part)
                self._note(fy, ("D", y, mo, dd), "events", ent)
        self.events = agg

    def _post_checks(self):
        # A58: sub-annual rows of an entity that stop before the last month of a complete year.
        complete = self.complete_fys()
        last = {}
        for fy, y, m, table, ent in self.dated:
            k = (table, ent, fy)
            idx = self.cal.month_index(fy, y, m)
            last[k] = max(last.get(k, 0), idx)
        for (table, ent, fy), idx in sorted(last.items(), key=lambda kv: (kv[0][0], kv[0][1].encode(), kv[0][2])):
            if fy in complete and idx < 12:
                f = table if table != "events" else "events"
                self.diags.warn(f, None, None, f"{ent}: FY{fy} rows stop before the year's last month")

    def complete_fys(self):
        c = set(self.annual_fys)
        for fy, y, m, _t, _e in self.dated:
            if (y, m) == self.cal.last_month(fy):
                c.add(fy)
        return c

    def _load_scenario(self, path):
        rel = os.path.basename(path)
        try:
            with open(path, "rb") as f:
                doc = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            self.diags.err(rel, None, None, f"scenario: {e}")
            return
        lev = doc.get("levers", {})
        vals = {}
        if isinstance(lev, dict):
            for k, v in lev.items():
                if k in LEVERS and not isinstance(v, bool) and isinstance(v, (int, float)) and math.isfinite(v):
                    vals[k] = float(v)
        name = doc.get("name") if isinstance(doc.get("name"), str) else os.path.splitext(rel)[0]
        self.scenario = {"name": name, "levers": vals}


# ----------------------------------------------------------------------------- figures

class Figures:
    """All per-year sums for one entity set ('*' or a name)."""

    def __init__(self, ds: Dataset, entity: str):
        self.ds = ds
        sel = (lambda e: True) if entity == "*" else (lambda e: e == entity)
        self.ops = [r for r in ds.ops if sel(r["entity"])]
        self.vc = [r for r in ds.vc if sel(r["entity"])]
        self.rev = [r for r in ds.rev if sel(r["entity"])]
        self.avo = [r for r in ds.avo if sel(r["entity"])]
        self.events = {k: v for k, v in ds.events.items() if sel(k[1])}
        self.by_fy_ops = {}
        for r in self.ops:
            self.by_fy_ops.setdefault(r["fy"], []).append(r)

    def col(self, fy, c):
        return fsum(r[c] for r in self.by_fy_ops.get(fy, []))

    def s1(self, y): return self.col(y, "scope1_tco2e")
    def s2(self, y, basis): return self.col(y, "scope2_market_tco2e" if basis == "market" else "scope2_location_tco2e")
    def s12(self, y): return self.col(y, "scope1_2_tco2e")

    def has_s12(self, y):
        """A25: some entity gives only scope1_2_tco2e in y."""
        return any(r["scope1_2_tco2e"] is not None for r in self.by_fy_ops.get(y, []))

    def s3(self, y):
        return fsum(r["tco2e"] for r in self.vc if r["fy"] == y)

    def revenue(self, y):
        return fsum(r["revenue"] for r in self.rev if r["fy"] == y)

    def emissions(self, y, scopes, basis):
        """Gross / E: None if any scope of the target is null (A3 for scope1_2)."""
        parts = []
        if "1" in scopes and "2" in scopes:
            s1, s2, s12 = self.s1(y), self.s2(y, basis), self.s12(y)
            if (s1 is None and s12 is None) or (s2 is None and s12 is None):
                return None
            parts.append(add(s1, s2, s12))
        elif "1" in scopes:
            v = self.s1(y)
            if v is None:
                return None
            parts.append(v)
        elif "2" in scopes:
            v = self.s2(y, basis)
            if v is None:
                return None
            parts.append(v)
        if "3" in scopes:
            v = self.s3(y)
            if v is None:
                return None
            parts.append(v)
        return math.fsum(parts)

    def removals(self, y): return self.col(y, "removals_tco2e")
    def offsets(self, y): return self.col(y, "offsets_tco2e")

    def net(self, y, tgt):
        g = self.emissions(y, tgt["scopes"], tgt["basis"])
        if g is None:
            return None
        n = g - (self.removals(y) or 0.0)
        if tgt["offsets"]:
            n -= (self.offsets(y) or 0.0)
        return n

    def intensity(self, y, tgt):
        return div(self.emissions(y, tgt["scopes"], tgt["basis"]), self.revenue(y))

    def clean_share(self, y):
        return div(self.col(y, "clean_electricity_mwh"), self.col(y, "electricity_mwh"))

    def pue(self, y):
        rows = [r for r in self.by_fy_ops.get(y, []) if r["pue"] is not None]
        if not rows:
            return None
        if all(r["electricity_mwh"] is not None for r in rows):
            w = math.fsum(r["electricity_mwh"] for r in rows)
            if w > 0:
                return math.fsum(r["pue"] * r["electricity_mwh"] for r in rows) / w
        return math.fsum(r["pue"] for r in rows) / len(rows)

    # avoided
    def avoided(self, y):
        vals = [r["avoided_tco2e"] for r in self.avo if r["fy"] == y]
        milli = [v[0] for k, v in self.events.items() if k[0] == y]
        if not vals and not milli:
            return None
        return math.fsum(vals) + sum(milli) / 1e6

    def avoided_verified(self, y):
        return math.fsum(r["avoided_tco2e"] for r in self.avo if r["fy"] == y and r["verified"])


def fys(y):
    return None if y is None else f"FY{y}"


# ----------------------------------------------------------------------------- lever defaults

def cagr(series: dict, complete: set):
    """series: fy -> value or None. DATA.md 'Defaults' rule."""
    have = [y for y in complete if series.get(y) is not None]
    if not have:
        return 0.0
    L = max(have)
    Fs = [y for y in range(L - 3, L) if y in complete and series.get(y) is not None]
    if not Fs:
        return 0.0
    F = min(Fs)
    vf, vl = series[F], series[L]
    if vf <= 0:
        return 0.0
    r = safe_pow(vl / vf, 1.0 / (L - F))
    return None if r is None else r - 1.0


def lever_defaults(ds: Dataset, fig: Figures, years: list, complete: set, T_clean):
    s1 = {y: (None if fig.has_s12(y) else fig.s1(y)) for y in years}
    elec = {y: fig.col(y, "electricity_mwh") for y in years}
    grid = {y: (None if fig.has_s12(y) else div(fig.s2(y, "location"), elec[y])) for y in years}
    clean = {y: fig.clean_share(y) for y in years}
    rev = {y: fig.revenue(y) for y in years}
    s3 = {y: fig.s3(y) for y in years}
    A = {y: fig.avoided(y) for y in years}
    out = {
        "scope1_change": cagr(s1, complete),
        "electricity_growth": cagr(elec, complete),
        "grid_factor_change": cagr(grid, complete),
        "revenue_growth": cagr(rev, complete),
        "scope3_change": cagr(s3, complete),
    }
    # clean share trend
    have = [y for y in complete if clean.get(y) is not None]
    if not have:
        out["clean_share_target"] = None  # A31
    else:
        L = max(have)
        Fs = [y for y in range(L - 3, L) if y in complete and clean.get(y) is not None]
        if not Fs or T_clean is None:
            v = clean[L]
        else:
            F = min(Fs)
            v = clean[L] + (clean[L] - clean[F]) / (L - F) * (T_clean - L)
        out["clean_share_target"] = min(1.0, max(0.0, v))
    for lev, c in (("removals_per_year", "removals_tco2e"), ("offsets_per_year", "offsets_tco2e")):
        have = [y for y in complete if fig.col(y, c) is not None]
        out[lev] = fig.col(max(have), c) if have else 0.0  # A30
    have = [y for y in complete if A.get(y) is not None]
    if have:
        L = max(have)
        prev = A.get(L - 1)
        out["avoided_growth"] = (A[L] / prev - 1.0) if prev else 0.0
    else:
        out["avoided_growth"] = 0.0
    return out


# ----------------------------------------------------------------------------- report

class Report:
    def __init__(self, ds: Dataset):
        self.ds = ds
        self.complete = ds.complete_fys()
        if ds.data_fys:
            self.years = list(range(min(ds.data_fys), max(ds.data_fys) + 1))
        else:
            self.years = []
        self.latest_complete = max(self.complete) if self.complete else None
        last = max(ds.data_fys) if ds.data_fys else None
        self.in_progress = last if last is not None and last not in self.complete else None
        self.through = None
        if self.in_progress is not None:
            ms = [(y, m) for fy, y, m, _t, _e in ds.dated if fy == self.in_progress]
            if ms:
                y, m = max(ms)
                self.through = f"{y:04d}-{m:02d}"
        self.figs = {}
        first_neu = next((t for t in ds.targets if t["kind"] == "neutrality"), None)
        self.T_clean = first_neu["T"] if first_neu else (ds.targets[0]["T"] if ds.targets else None)
        self.headline = {}
        for t in ds.targets:
            self.headline.setdefault(t["kind"], t["id"])
        # Headline levers (lead's ruling 1): each lever from the entities of the headline target it
        # drives (all entities when that kind is absent).
        def kind_defaults(kind):
            t0 = next((t for t in ds.targets if t["kind"] == kind), None)
            ent = t0["entity"] if t0 else "*"
            return lever_defaults(ds, self.fig(ent), self.years, self.complete, self.T_clean)
        neu, inten, avo = kind_defaults("neutrality"), kind_defaults("intensity"), kind_defaults("avoided")
        self.org_defaults = {}
        for lev in neu:
            src = inten if lev in ("revenue_growth", "scope3_change") else avo if lev == "avoided_growth" else neu
            self.org_defaults[lev] = src[lev]
        self.levers = dict(self.org_defaults)
        if ds.scenario:
            self.levers.update(ds.scenario["levers"])

    def fig(self, entity):
        if entity not in self.figs:
            self.figs[entity] = Figures(self.ds, entity)
        return self.figs[entity]

    def levers_for(self, t):
        if self.headline.get(t["kind"]) == t["id"]:
            return self.levers
        return lever_defaults(self.ds, self.fig(t["entity"]), self.years, self.complete, self.T_clean)

    # --- per kind
    def latest(self, fn):
        have = [y for y in self.complete if fn(y) is not None]
        return max(have) if have else None

    def neutrality(self, t):
        f = self.fig(t["entity"])
        b, T = t["b"], t["T"]
        net = lambda y: f.net(y, t)
        L = self.latest(net)
        nb = net(b)
        nL = net(L) if L is not None else None

        def path(y):
            if nb is None or y is None or y < b:
                return None
            if y > T:
                return 0.0  # A7
            return nb * ((T - y) / (T - b))  # exactly Net(b) at y = b (Net(b) * 11 / 11 may not be)

        status, gap, pL, cut = "no_data", None, None, None
        if nb is not None and nL is not None and L >= b:
            pL = path(L)
            if nL <= 0:
                status = "achieved"
            elif nL <= pL:
                status = "on_track"
            else:
                status, gap = "behind", nL - pL
        if nL is not None:
            if nL <= 0:
                cut = 0.0
            elif T > L:
                cut = nL / (T - L)
        # projection
        lev = self.levers_for(t)
        proj = self.project_emissions(f, t, L, lev)
        projection = []
        pnet = {}
        for y, e in proj:
            v = None
            if e is not None:
                v = e - lev["removals_per_year"] - (lev["offsets_per_year"] if t["offsets"] else 0.0)
            pnet[y] = v
            projection.append({"fy": fys(y), "net_tco2e": v})
        outcome = self.outcome(L, T, b, pnet, net, lambda v: v <= 0, lambda v: v)
        years = []
        for y in self.years:
            g = f.emissions(y, t["scopes"], t["basis"])
            rem, off = f.removals(y), f.offsets(y)
            years.append({
                "fy": fys(y), "complete": y in self.complete,
                "scope1_tco2e": f.s1(y), "scope2_location_tco2e": f.s2(y, "location"),
                "scope2_market_tco2e": f.s2(y, "market"), "scope1_2_tco2e": f.s12(y),
                "gross_tco2e": g, "removals_tco2e": rem, "offsets_tco2e": off,
                "net_tco2e": net(y), "abatement_tco2e": f.col(y, "abatement_tco2e"),
                "clean_electricity_share": f.clean_share(y), "pue": f.pue(y),
            })
        section = {"target_id": t["id"], "years": years, "path_net_tco2e_at_latest": pL,
                   "required_cut_per_year_tco2e": cut, "projection": projection}
        return L, status, gap, outcome, section

    def project_emissions(self, f: Figures, t, L, lev):
        """[(fy, E(fy) or None)] for fy in L+1..T (A19)."""
        T = t["T"]
        if L is None or L >= T:
            return []
        sc = t["scopes"]
        need12 = "1" in sc or "2" in sc
        split_ok = not (need12 and f.has_s12(L))
        s1L = f.s1(L)
        elecL = f.col(L, "electricity_mwh")
        s2locL = f.s2(L, "location")
        s2mktL = f.s2(L, "market")
        efL = div(s2locL, elecL)
        cleanL = f.clean_share(L)
        s3L = f.s3(L)
        out = []
        for y in range(L + 1, T + 1):
            k = y - L
            val = 0.0
            ok = split_ok
            if ok and "1" in sc:
                if s1L is None or lev["scope1_change"] is None:
                    ok = False
                else:
                    val += s1L * safe_pow(1 + lev["scope1_change"], k)
            if ok and "2" in sc:
                if elecL is None or efL is None or lev["electricity_growth"] is None or lev["grid_factor_change"] is None:
                    ok = False
                else:
                    elec = elecL * safe_pow(1 + lev["electricity_growth"], k)
                    ef = efL * safe_pow(1 + lev["grid_factor_change"], k)
                    s2loc = elec * ef
                    if t["basis"] == "location":
                        val += s2loc
                    else:
                        cst = lev["clean_share_target"]
                        if cleanL is None or s2mktL is None:
                            ok = False
                        elif cleanL >= 1:  # "S2mkt(y) = 0 where Clean(L) = 1": no target needed
                            val += 0.0
                        elif cst is None:
                            ok = False
                        else:
                            clean = cleanL + (cst - cleanL) * k / (T - L)
                            clean = min(1.0, max(0.0, clean))
                            den = elecL * efL * (1 - cleanL)
                            if den == 0:
                                ok = False
                            else:
                                val += s2mktL * (elec * ef * (1 - clean)) / den
            if ok and "3" in sc:
                if s3L is None or lev["scope3_change"] is None:
                    ok = False
                else:
                    val += s3L * safe_pow(1 + lev["scope3_change"], k)
            out.append((y, val if ok and math.isfinite(val) else None))
        return out

    def outcome(self, L, T, b, proj: dict, actual, holds, short):
        res = {"projected_at_by": None, "met": None, "year_met": None, "shortfall": None}
        if L is None:
            return res
        if T <= L:  # A21
            v = actual(T)
            ym = None
            for y in range(b, T + 1):
                a = actual(y)
                if a is not None and holds(a):
                    ym = y
                    break
            res["year_met"] = fys(ym)
        else:
            v = proj.get(T)
            ym = next((y for y in range(L + 1, T + 1) if proj.get(y) is not None and holds(proj[y])), None)
            res["year_met"] = fys(ym)
        if v is None:  # ruling 4: missing is never zero, the whole outcome is null
            res["year_met"] = None
        else:
            m = holds(v)
            res.update(projected_at_by=v, met=m, shortfall=0.0 if m else short(v))
        return res

    def intensity(self, t):
        f = self.fig(t["entity"])
        b, T, red = t["b"], t["T"], t["reduction"]
        I = lambda y: f.intensity(y, t)
        L = self.latest(I)
        Ib = I(b)
        IL = I(L) if L is not None else None
        Istar = Ib * (1 - red) if Ib is not None else None

        def path(y):
            if Ib is None or y is None or y < b:
                return None
            if y > T:
                return Istar  # A7
            return Ib + (Istar - Ib) * (y - b) / (T - b)

        status, gap, pL, req = "no_data", None, None, None
        if Ib is not None and IL is not None and L >= b:
            pL = path(L)
            if IL <= Istar:
                status = "achieved"
            elif IL <= pL:
                status = "on_track"
            else:
                status, gap = "behind", IL - pL
        if IL is not None and Istar is not None:
            if IL <= Istar:
                req = 0.0
            elif T > L and IL > 0:
                req = 1 - safe_pow(Istar / IL, 1.0 / (T - L))
        implied = 1 - safe_pow(1 - red, 1.0 / (T - b))
        lev = self.levers_for(t)
        proj = self.project_emissions(f, t, L, lev)
        projection, pI = [], {}
        revL = f.revenue(L) if L is not None else None
        for y, e in proj:
            v = None
            if e is not None and revL is not None and lev["revenue_growth"] is not None:
                v = div(e, revL * safe_pow(1 + lev["revenue_growth"], y - L))
            pI[y] = v
            projection.append({"fy": fys(y), "intensity": v})
        if Istar is None:
            outcome = {"projected_at_by": None, "met": None, "year_met": None, "shortfall": None}
            if L is not None:
                outcome["projected_at_by"] = pI.get(T) if T > L else I(T)
        else:
            outcome = self.outcome(L, T, b, pI, I, lambda v: v <= Istar, lambda v: v - Istar)
        years = []
        for y in self.years:
            iy = I(y)
            yoy = None
            if y in self.complete and iy is not None:
                ip = I(y - 1)
                if ip:
                    yoy = iy / ip - 1
            years.append({"fy": fys(y), "complete": y in self.complete, "scope3_tco2e": f.s3(y),
                          "revenue": f.revenue(y), "intensity": iy, "yoy": yoy})
        cats = []
        s3L = f.s3(L) if L is not None else None
        for c in range(1, 16):
            v = fsum(r["tco2e"] for r in f.vc if r["fy"] == L and r["category"] == c) if L is not None else None
            cats.append({"category": c, "name": CATEGORY_NAMES[c - 1], "tco2e": v, "share": div(v, s3L)})
        section = {"target_id": t["id"], "years": years, "baseline_intensity": Ib, "target_intensity": Istar,
                   "path_intensity_at_latest": pL, "required_annual_reduction": req,
                   "implied_target_rate": implied, "sbti_intensity_ok": implied >= 0.07,
                   "categories": cats, "projection": projection}
        return L, status, gap, outcome, section

    def value_chain_data(self):
        """Issue 12 (docs/data-format.md): Scope 3 rows without an intensity target still give
        the value_chain section, over every entity, with target_id and every target figure
        null; null without any value_chain.csv row."""
        f = self.fig("*")
        if not f.vc:
            return None
        I = lambda y: div(f.s3(y), f.revenue(y))
        L = self.latest(f.s3)
        years = []
        for y in self.years:
            iy = I(y)
            yoy = None
            if y in self.complete and iy is not None:
                ip = I(y - 1)
                if ip:
                    yoy = iy / ip - 1
            years.append({"fy": fys(y), "complete": y in self.complete, "scope3_tco2e": f.s3(y),
                          "revenue": f.revenue(y), "intensity": iy, "yoy": yoy})
        cats = []
        s3L = f.s3(L) if L is not None else None
        for c in range(1, 16):
            v = fsum(r["tco2e"] for r in f.vc if r["fy"] == L and r["category"] == c) if L is not None else None
            cats.append({"category": c, "name": CATEGORY_NAMES[c - 1], "tco2e": v, "share": div(v, s3L)})
        return {"target_id": None, "years": years, "baseline_intensity": None, "target_intensity": None,
                "path_intensity_at_latest": None, "required_annual_reduction": None,
                "implied_target_rate": None, "sbti_intensity_ok": None, "categories": cats, "projection": []}

    def avoided(self, t):
        f = self.fig(t["entity"])
        frm, T, amount = t["b"], t["T"], t["amount"]
        A = {y: f.avoided(y) for y in self.years}
        L = self.latest(lambda y: A.get(y))
        first_data = next((y for y in self.years if y >= frm and A.get(y) is not None), None)
        cum = {}
        c = 0.0
        for y in self.years:
            if y < frm or first_data is None or y < first_data:
                cum[y] = None
                continue
            c += A[y] or 0.0
            cum[y] = c
        cumf = lambda y: cum.get(y)
        status, gap = "no_data", None
        progress = R = gstar = ptotal = preached = None
        if L is not None and cum.get(L) is not None:
            cL = cum[L]
            AL = A[L]
            progress = cL / amount
            R = amount - cL
            n = T - L
            if R > 0 and n > 0 and AL:
                gstar = bisect(AL, R, n)
            prev = A.get(L - 1)
            g = (AL / prev - 1) if prev else 0.0
            ptotal, preached = project_avoided(cL, AL, g, L, T, amount, cum, frm)
            if R <= 0:
                status = "achieved"
            elif ptotal is not None and ptotal >= amount:
                status = "on_track"
            else:
                status = "behind"
                gap = amount - ptotal if ptotal is not None else None
        # outcome under levers
        lev = self.levers_for(t)
        pcum = {}
        if L is not None and cum.get(L) is not None and T > L:
            c = cum[L]
            ag = lev["avoided_growth"]
            for y in range(L + 1, T + 1):
                if ag is None or A[L] is None:
                    pcum[y] = None
                else:
                    c += A[L] * safe_pow(1 + ag, y - L)
                    pcum[y] = c if math.isfinite(c) else None
        outcome = self.outcome(L, T, frm, pcum, cumf, lambda v: v >= amount, lambda v: amount - v)
        if L is not None and cum.get(L) is None:
            outcome = {"projected_at_by": None, "met": None, "year_met": None, "shortfall": None}
        # The section's projected keys follow the avoided_growth in effect, as the outcome does
        # (docs/data-format.md, "Readings chosen"); the status above stays on history.
        if L is not None and cum.get(L) is not None and T > L:
            ptotal = pcum.get(T)
            if cum[L] < amount:
                ag = lev["avoided_growth"]
                preached = None
                if ag is not None and A[L] is not None:
                    preached = project_avoided(cum[L], A[L], ag, L, T, amount, cum, frm)[1]
        years = []
        for y in self.years:
            a = A.get(y)
            yoy = None
            if y in self.complete and a is not None:
                p = A.get(y - 1)
                if p:
                    yoy = a / p - 1
            vs = div(f.avoided_verified(y), a) if a is not None else None
            years.append({"fy": fys(y), "complete": y in self.complete, "avoided_tco2e": a,
                          "cumulative_tco2e": cum.get(y), "yoy": yoy, "verified_share": vs})
        by_entity, programs = [], []
        if L is not None:
            ents, progs = {}, {}
            for r in f.avo:
                if r["fy"] == L:
                    ents.setdefault(r["entity"], []).append(r["avoided_tco2e"])
                    p = progs.setdefault((r["entity"], r["program"]), [[], None, None])
                    p[0].append(r["avoided_tco2e"])
            for (fy, e, pr), (milli, cnt, parts) in f.events.items():
                if fy == L:
                    ents.setdefault(e, []).append(milli / 1e6)
                    progs[(e, pr)] = [[milli / 1e6], cnt, len(parts)]
            for e in sorted(ents, key=lambda s: s.encode()):
                by_entity.append({"entity": e, "avoided_tco2e": math.fsum(ents[e])})
            for (e, pr) in sorted(progs, key=lambda k: (k[0].encode(), k[1].encode())):
                v, cnt, np_ = progs[(e, pr)]
                programs.append({"entity": e, "program": pr, "avoided_tco2e": math.fsum(v),
                                 "events": cnt, "participants": np_})
        section = {"target_id": t["id"], "years": years, "amount_tco2e": amount, "progress": progress,
                   "remaining_tco2e": R, "required_growth": gstar, "projected_total_at_by_tco2e": ptotal,
                   "projected_year_reached": fys(preached), "by_entity": by_entity, "programs": programs}
        return L, status, gap, outcome, section

    def build(self):
        ds = self.ds
        targets, sections = [], {"neutrality": None, "intensity": None, "avoided": None}
        for t in ds.targets:
            fn = {"neutrality": self.neutrality, "intensity": self.intensity, "avoided": self.avoided}[t["kind"]]
            L, status, gap, outcome, section = fn(t)
            targets.append({"id": t["id"], "kind": t["kind"], "title": t["title"], "entity": t["entity"],
                            "baseline": fys(t["b"]), "by": fys(t["T"]), "latest_fy": fys(L),
                            "status": status, "gap": gap, "outcome": outcome})
            if sections[t["kind"]] is None:
                sections[t["kind"]] = section
        if sections["intensity"] is None:
            sections["intensity"] = self.value_chain_data()
        order = ["dataset.toml", "operations.csv", "value_chain.csv", "revenue.csv", "avoided.csv"]

        def dkey(d):
            f = d["file"]
            if f in order:
                fi = (order.index(f), "")
            elif f.startswith("events/"):
                fi = (5, f)
            else:
                fi = (6, f)
            return (fi, d["line"] if d["line"] is not None else -1, d["column"] if d["column"] is not None else -1)

        diags = sorted(ds.diags.items, key=dkey)
        return {
            "schema": "carbontop.report/1",
            "organization": ds.org,
            "latest_complete_fy": fys(self.latest_complete),
            "in_progress_fy": fys(self.in_progress),
            "in_progress_through": self.through,
            "scenario": {"name": ds.scenario["name"] if ds.scenario else None, "levers": self.levers},
            "targets": targets,
            "operational": sections["neutrality"],
            "value_chain": sections["intensity"],
            "scope3plus": sections["avoided"],
            "diagnostics": diags,
        }


def bisect(AL, R, n):
    def f(g):
        s = 0.0
        for k in range(1, n + 1):
            s += AL * safe_pow(1 + g, k)
        return s - R
    lo, hi = -0.99, 10.0
    if f(lo) >= 0:
        return lo
    if f(hi) <= 0:
        return hi
    while hi - lo > 1e-12:
        mid = (lo + hi) / 2
        if f(mid) > 0:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


def project_avoided(cL, AL, g, L, T, amount, cum, frm):
    """Projected Cum(T) at growth g, and the first FY whose projected cumulative reaches amount."""
    if T <= L:
        ptotal = cum.get(T)  # A22
    else:
        c = cL
        for k in range(1, T - L + 1):
            c += AL * safe_pow(1 + g, k)
        ptotal = c if math.isfinite(c) else None
    reached = None
    if cL >= amount:  # A23: already reached in history
        reached = next((y for y in sorted(cum) if cum[y] is not None and cum[y] >= amount), None)
    else:
        c = cL
        for y in range(L + 1, YEAR_LIMIT + 1):
            c += AL * safe_pow(1 + g, y - L)
            if c >= amount:
                reached = y
                break
    return ptotal, reached


def clean_json(o):
    if isinstance(o, float):
        return o if math.isfinite(o) else None
    if isinstance(o, dict):
        return {k: clean_json(v) for k, v in o.items()}
    if isinstance(o, list):
        return [clean_json(v) for v in o]
    return o


def main(argv):
    args = argv[1:]
    scen = None
    if "--scenario" in args:
        i = args.index("--scenario")
        scen = args[i + 1]
        del args[i:i + 2]
    check = bool(args) and args[0] == "check"
    args = [a for a in args if a not in ("--format", "json", "report", "check")]
    if len(args) != 1 or not os.path.isdir(args[0]):
        print("usage: reference.py [check] DATASET [--scenario FILE]", file=sys.stderr)
        return 2
    ds = Dataset(args[0], scen)
    if check:
        rep = Report(ds).build()
        esc = lambda s: "".join(c if c.isprintable() else "?" for c in str(s))
        for d in rep["diagnostics"]:
            loc = esc(d["file"]) + (f":{d['line']}:{d['column']}" if d["line"] is not None else "")
            print(f"{loc}: {d['severity']}: {esc(d['message'])}")
        return 1 if any(d["severity"] == "error" for d in rep["diagnostics"]) else 0
    rep = Report(ds).build()
    json.dump(clean_json(rep), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
