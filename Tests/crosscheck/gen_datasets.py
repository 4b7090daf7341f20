#!/usr/bin/env python3
"""Generate random but VALID carbontop datasets (shared/design/DATA.md), deterministically.

    gen_datasets.py OUTDIR N SEED

Writes OUTDIR/ds-SEED-I/ for I in 0..N-1. Each folder is a valid dataset (no errors, no warnings
by the reference's reading); if a scenario was generated it is scenarios/s.toml.
Stdlib only.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import sys

ENTITY_POOL = [
    "Acme Group", "Café Verde", "Nordlicht Energie GmbH", "Greenfield Logistics, Inc.",
    "株式会社テスト", "Ωmega Cloud", "Zeta \"Quoted\" Ltd", "alpha lower", "Émile & Fils",
    "Ünternehmen Süd", "Beta Cloud",
]
PROGRAMS = ["Rail shift", "Refill cup", "Wärmepumpen, Nacht", "Smart charging", "EV fleet",
            "Green PPA", "Recycling 回收", "Cloud offload"]
LAST_DAY = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def tq(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


class Gen:
    def __init__(self, rng: random.Random):
        self.r = rng

    def num(self, v: float) -> str:
        """A valid number cell for a non-negative value (various valid spellings)."""
        r = self.r
        v = round(v, 3)
        if v == 0:
            return r.choice(["0", "0.0", "0e0"])
        x = r.random()
        if x < 0.1:
            return f"{v:.6e}"
        if x < 0.15 and v < 1:
            s = f"{v:.3f}"
            return s[1:] if s.startswith("0.") else s
        if x < 0.2:
            return f"{v:.4E}".replace("E+", "E+")
        s = repr(v)
        if "e" in s:
            return f"{v:.6f}"
        return s

    def cell(self, s: str) -> str:
        if s == "":
            return ""
        need = any(c in s for c in ',"\r\n') or s != s.strip(" \t")
        if need or self.r.random() < 0.1:
            return '"' + s.replace('"', '""') + '"'
        if self.r.random() < 0.05:
            return " " + s + "\t"   # spaces/tabs around unquoted cells are trimmed
        return s

    def write_csv(self, path, header, rows):
        r = self.r
        eol = "\r\n" if r.random() < 0.2 else "\n"
        bom = "\ufeff" if r.random() < 0.15 else ""
        hdr = list(header)
        order = list(range(len(hdr)))
        if r.random() < 0.3:
            r.shuffle(order)
        lines = [",".join(hdr[i] for i in order)]
        for row in rows:
            lines.append(",".join(self.cell(row.get(hdr[i], "")) for i in order))
            if r.random() < 0.02:
                lines.append("")  # blank lines are skipped
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(bom + eol.join(lines) + (eol if r.random() < 0.9 else ""))


def months_of(fy: int, M: int):
    """Calendar (y, m) of fiscal year fy, in order."""
    out = []
    y, m = (fy - 1, M + 1) if M < 12 else (fy, 1)
    for _ in range(12):
        out.append((y, m))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def generate(outdir: str, seed: int, idx: int) -> str:
    rng = random.Random(seed * 100003 + idx)
    g = Gen(rng)
    r = rng
    path = os.path.join(outdir, f"ds-{seed}-{idx}")
    if os.path.exists(path):
        shutil.rmtree(path)
    os.makedirs(path)
    M = r.randint(1, 12)
    first = r.randint(2014, 2020)
    ncomplete = r.randint(2, 7)
    complete = list(range(first, first + ncomplete))
    inprog = first + ncomplete if r.random() < 0.5 else None
    through = r.randint(1, 11) if inprog else 0  # months covered in the in-progress year
    years = complete + ([inprog] if inprog else [])
    ents = r.sample(ENTITY_POOL, r.randint(1, 4))
    monthly_from = r.choice([first, first + 1, first + ncomplete - 1, first + ncomplete + 5])

    def periods(fy):
        """(period strings, weights) for one entity-year unit."""
        if fy == inprog:
            ms = months_of(fy, M)[:through]
            return [f"{y:04d}-{m:02d}" for y, m in ms], [1 / 12] * len(ms)
        if fy >= monthly_from and r.random() < 0.8:
            ms = months_of(fy, M)
            ps = [f"{y:04d}-{m:02d}" for y, m in ms]
            if r.random() < 0.2:  # one month given as two day rows
                i = r.randrange(12)
                y, m = ms[i]
                ps[i] = f"{y:04d}-{m:02d}-{r.randint(1, 28):02d}"
                ps.insert(i + 1, f"{y:04d}-{m:02d}-{LAST_DAY[m]:02d}")
                w = [1 / 12] * 13
                w[i] = w[i + 1] = 1 / 24
                return ps, w
            return ps, [1 / 12] * 12
        return [f"FY{fy}"], [1.0]

    # ---------------- operations.csv
    ops_rows = []
    has_ops = r.random() < 0.95
    pue_ent = r.choice(ents)
    for e in ents:
        s1b, s2b = r.uniform(100, 1e5), r.uniform(100, 1e5)
        trend = r.uniform(-0.15, 0.1)
        elecb = r.uniform(1000, 1e6)
        clean0 = r.uniform(0, 0.6)
        for t, fy in enumerate(years):
            if not has_ops or r.random() < 0.05:
                continue
            mode = r.choices(["split", "s12", "loc", "mkt", "nos1"], [0.65, 0.1, 0.1, 0.1, 0.05])[0]
            f = (1 + trend) ** t
            ps, ws = periods(fy)
            rem = r.random() < 0.3
            off = r.random() < 0.3
            abat = r.random() < 0.4
            elec = r.random() < 0.8
            clean_on = elec and r.random() < 0.85
            clean = min(1.0, clean0 + 0.05 * t)
            for p, w in zip(ps, ws):
                n = w * r.uniform(0.8, 1.2)
                row = {"period": p, "entity": e}
                s1, s2l = s1b * f * n, s2b * f * n
                s2m = s2l * (1 - clean) * r.uniform(0.8, 1.0)
                if mode == "split":
                    row.update(scope1_tco2e=g.num(s1), scope2_location_tco2e=g.num(s2l), scope2_market_tco2e=g.num(s2m))
                elif mode == "s12":
                    row["scope1_2_tco2e"] = g.num(s1 + s2m)
                elif mode == "loc":
                    row.update(scope1_tco2e=g.num(s1), scope2_location_tco2e=g.num(s2l))
                elif mode == "mkt":
                    row.update(scope1_tco2e=g.num(s1), scope2_market_tco2e=g.num(s2m))
                else:
                    row.update(scope2_location_tco2e=g.num(s2l), scope2_market_tco2e=g.num(s2m))
                if rem and r.random() < 0.8:
                    row["removals_tco2e"] = g.num(s1 * r.uniform(0, 0.2))
                if off and r.random() < 0.8:
                    row["offsets_tco2e"] = g.num(s1 * r.uniform(0, 0.5))
                if abat:
                    row["abatement_tco2e"] = g.num(s1 * r.uniform(0, 0.1))
                if elec:
                    el = elecb * f * n
                    row["electricity_mwh"] = g.num(el)
                    if clean_on:
                        row["clean_electricity_mwh"] = g.num(el * clean * r.uniform(0.9, 1.0))
                    if e == pue_ent:
                        row["pue"] = g.num(r.uniform(1.1, 1.6))
                elif e == pue_ent and r.random() < 0.3:
                    row["pue"] = g.num(r.uniform(1.1, 1.6))
                ops_rows.append(row)
    if has_ops:
        hdr = ["period", "entity", "scope1_tco2e", "scope2_location_tco2e", "scope2_market_tco2e", "scope1_2_tco2e",
               "removals_tco2e", "offsets_tco2e", "abatement_tco2e", "electricity_mwh", "clean_electricity_mwh", "pue"]
        g.write_csv(os.path.join(path, "operations.csv"), hdr, ops_rows)

    # ---------------- value_chain.csv (Scope 3 may lag a year)
    vc_rows = []
    lag = r.random() < 0.4
    if r.random() < 0.9:
        for e in ents:
            base = r.uniform(1e3, 1e6)
            trend = r.uniform(-0.1, 0.1)
            cats = r.sample(range(1, 16), r.randint(0, 6))
            unsplit = not cats or r.random() < 0.4
            for t, fy in enumerate(years):
                if fy == inprog and r.random() < 0.7:
                    continue
                if lag and fy == complete[-1]:
                    continue
                tot = base * (1 + trend) ** t
                for c in (cats if fy != inprog else []):
                    vc_rows.append({"period": f"FY{fy}", "entity": e, "category": str(c),
                                    "tco2e": g.num(tot * r.uniform(0.05, 0.3)), "data_quality": r.choice(["", "spend-based, est.", "supplier"])})
                if unsplit or fy == inprog:
                    ps, ws = periods(fy) if r.random() < 0.3 else ([f"FY{fy}"], [1.0])
                    if fy == inprog:
                        ps, ws = periods(fy)
                    for p, w in zip(ps, ws):
                        vc_rows.append({"period": p, "entity": e, "category": "", "tco2e": g.num(tot * w * r.uniform(0.1, 0.5))})
        if vc_rows:
            g.write_csv(os.path.join(path, "value_chain.csv"), ["period", "entity", "category", "tco2e", "data_quality"], vc_rows)

    # ---------------- revenue.csv
    rev_rows = []
    if r.random() < 0.9:
        for e in ents:
            base = r.uniform(10, 1e5)
            gr = r.uniform(-0.05, 0.15)
            for t, fy in enumerate(years):
                if r.random() < 0.05:
                    continue
                ps, ws = periods(fy)
                for p, w in zip(ps, ws):
                    rev_rows.append({"period": p, "entity": e, "revenue": g.num(base * (1 + gr) ** t * w * r.uniform(0.9, 1.1))})
        g.write_csv(os.path.join(path, "revenue.csv"), ["period", "entity", "revenue"], rev_rows)

    # ---------------- avoided.csv and events/
    av_rows = []
    used = set()  # (fy, entity, program) given in avoided.csv
    ev_programs = []
    if r.random() < 0.85:
        for e in ents:
            progs = r.sample(PROGRAMS, r.randint(1, 3))
            for pr in progs:
                start = r.choice(years)
                base = r.uniform(100, 1e5)
                gr = r.uniform(-0.2, 0.6)
                as_events_from = r.choice([None, None, start + 1, start + 2])
                verified_word = r.choice(["true", "yes", "1", "false", "no", "0", ""])
                for t, fy in enumerate(y for y in years if y >= start):
                    if as_events_from is not None and fy >= as_events_from:
                        break
                    if r.random() < 0.1 and fy != inprog:
                        continue
                    ps, ws = periods(fy)
                    for p, w in zip(ps, ws):
                        av_rows.append({"period": p, "entity": e, "program": pr, "avoided_tco2e": g.num(base * (1 + gr) ** t * w),
                                        "verified": verified_word,
                                        "method": r.choice(["", "reference scenario", "WBCSD, 2023"])})
                        used.add((fy, e, pr))
                if as_events_from is not None and as_events_from <= years[-1]:
                    ev_programs.append((e, pr, as_events_from))
            if r.random() < 0.3:
                ev_programs.append((e, r.choice([p for p in PROGRAMS if p not in progs]), r.choice(years)))
    if av_rows:
        g.write_csv(os.path.join(path, "avoided.csv"), ["period", "entity", "program", "avoided_tco2e", "verified", "method"], av_rows)
    if ev_programs:
        os.makedirs(os.path.join(path, "events"))
        files = {}
        for e, pr, start in ev_programs:
            fname = r.choice(["a.csv", "b.csv", "ledger 2.csv"])
            for fy in (y for y in years if y >= start):
                if (fy, e, pr) in used:
                    continue
                ms = months_of(fy, M)[:through] if fy == inprog else months_of(fy, M)
                picks = [r.choice(ms) for _ in range(r.randint(1, 12))]
                if fy != inprog:
                    picks.append(ms[-1])  # reach the last month of a complete year
                for (y, m) in picks:
                    d = r.randint(1, LAST_DAY[m])
                    form = r.random()
                    if form < 0.4:
                        ts = f"{y:04d}-{m:02d}-{d:02d}"
                    elif form < 0.7:
                        ts = f"{y:04d}-{m:02d}-{d:02d}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z"
                    else:
                        ts = f"{y:04d}-{m:02d}-{d:02d}T{r.randint(0, 23):02d}:00:00{r.choice(['+02:00', '+00:00', '+05:30'])}"
                    kg = round(r.uniform(0, 5000), r.choice([0, 1, 3]))
                    files.setdefault(fname, []).append({"timestamp": ts, "entity": e, "program": pr,
                                                        "participant": f"P{r.randint(1, 40):03d}", "avoided_kgco2e": g.num(kg)})
        for fname, rows in files.items():
            g.write_csv(os.path.join(path, "events", fname), ["timestamp", "entity", "program", "participant", "avoided_kgco2e"], rows)
        if not files:
            os.rmdir(os.path.join(path, "events"))

    # ---------------- activity.csv (Revision 4): metrics per entity and fiscal year
    act_rows = []
    if r.random() < 0.6:
        for metric in r.sample(["steel_t", "floor_m2", "mwh_sold"], r.randint(1, 2)):
            for e in ents:
                base = r.uniform(10, 1e6)
                growth = r.uniform(-0.1, 0.15)
                for t, fy in enumerate(years):
                    if r.random() < 0.1:
                        continue
                    ps, ws = periods(fy)
                    for p, w in zip(ps, ws):
                        v = "" if r.random() < 0.03 else g.num(base * (1 + growth) ** t * w * r.uniform(0.9, 1.1))
                        act_rows.append({"period": p, "entity": e, "metric": metric, "value": v})
        r.shuffle(act_rows)
    if act_rows:
        g.write_csv(os.path.join(path, "activity.csv"), ["period", "entity", "metric", "value"], act_rows)

    # ---------------- dataset.toml
    L = complete[-1]
    org_names = ["Test Org", "Grüne Holding AG", "测试集团", "O'Brien & Co"]
    lines = ["[organization]", f"name = {tq(r.choice(org_names))}"]
    if not (M == 12 and r.random() < 0.5):
        lines.append(f'fiscal_year_end = "{M:02d}-{LAST_DAY[M]:02d}"')
    lines += ['currency = "EUR"', 'revenue_unit = "million EUR"', ""]
    all_kinds = ["neutrality", "intensity", "avoided", "absolute", "net_zero", "share"]
    kinds = r.sample(all_kinds, r.randint(1, 4))
    kinds += r.choices(all_kinds, k=r.randint(0, 3))
    r.shuffle(kinds)
    for n, kind in enumerate(kinds):
        ent = "*" if r.random() < 0.65 else r.choice(ents + ["Nobody Inc."])
        lines.append("[[target]]")
        lines.append(f'id = "{kind[:3]}-{n}"')
        if r.random() < 0.7:
            lines.append(f"title = {tq(r.choice(['Net zero ✓', 'Halve intensity', 'Avoid 1 Mt', 'Ziel für Café']))}")
        lines.append(f'kind = "{kind}"')
        if ent != "*" or r.random() < 0.3:
            lines.append(f"entity = {tq(ent)}")
        b = r.choice([first, first, first + 1])
        if r.random() < 0.25:
            T = r.randint(b + 1, max(b + 1, L))  # T <= L cases
        else:
            T = r.randint(L + 1, L + 15)
        if kind == "neutrality":
            sc = r.choice([["1", "2"], ["1", "2"], ["1", "2", "3"], ["1"], ["2"], ["2", "1"]])
            lines.append("scopes = [" + ", ".join(tq(s) for s in sc) + "]")
            basis = r.choice(["market", "location", None])
            if basis:
                lines.append(f'scope2_basis = "{basis}"')
            if r.random() < 0.6:
                lines.append(f"offsets = {r.choice(['true', 'false'])}")
            if r.random() < 0.3:
                lines.append(f"removals = {r.choice(['true', 'false'])}")
            lines += [f'baseline = "FY{b}"', f'by = "FY{T}"']
        elif kind in ("absolute", "net_zero"):
            sc = r.choice([["1", "2"], ["1", "2"], ["1", "2", "3"], ["3"], ["1"], ["2"]])
            lines.append("scopes = [" + ", ".join(tq(s) for s in sc) + "]")
            basis = r.choice(["market", "location", None])
            if basis:
                lines.append(f'scope2_basis = "{basis}"')
            red = r.choice([0.42, 0.9, 0.3, round(r.uniform(0.05, 1), 3), 1])
            lines.append(f"reduction = {red}")
            if r.random() < 0.3:
                T = r.choice([T, 2050, 2051])
            lines += [f'baseline = "FY{b}"', f'by = "FY{T}"']
        elif kind == "share":
            lines.append(f"share = {r.choice([1.0, 0.8, round(r.uniform(0.05, 1), 3)])}")
            lines += [f'baseline = "FY{b}"', f'by = "FY{T}"']
        elif kind == "intensity":
            sc = r.choice([["3"], ["3"], ["1", "2"], ["1", "2", "3"], ["3", "1"]])
            lines.append("scopes = [" + ", ".join(tq(s) for s in sc) + "]")
            if r.random() < 0.3:
                lines.append(f'scope2_basis = "{r.choice(["market", "location"])}"')
            red = r.choice([0.5, 1, round(r.uniform(0.05, 0.95), 3)])
            lines.append(f"reduction = {red}")
            if r.random() < 0.4:
                lines.append(f'per = "{r.choice(["steel_t", "floor_m2", "mwh_sold", "revenue"])}"')
                if r.random() < 0.5:
                    lines.append('per_unit = "t of steel"')
            lines += [f'baseline = "FY{b}"', f'by = "FY{T}"']
        else:
            T = r.randint(b, L) if r.random() < 0.25 else r.randint(L + 1, L + 20)
            amt = r.choice([r.uniform(1e3, 1e6), r.uniform(1e5, 1e8), 1.5e9, 5000])
            lines.append(f"amount_tco2e = {amt:.6g}" if r.random() < 0.5 else f"amount_tco2e = {int(amt)}")
            lines += [f'from = "FY{b}"', f'by = "FY{T}"']
        # Milestones (every kind): distinct fiscal years strictly between b and T, any order.
        if T - b >= 2 and r.random() < 0.5:
            fys_ = r.sample(range(b + 1, T), min(T - b - 1, r.randint(1, 3)))
            ms = []
            for y in fys_:
                if kind == "share":
                    ms.append(f'{{ fy = "FY{y}", share = {round(r.uniform(0.05, 1), 3)} }}')
                elif kind == "avoided":
                    ms.append(f'{{ fy = "FY{y}", amount_tco2e = {round(r.uniform(1e3, 1e8), 1)} }}')
                else:
                    ms.append(f'{{ fy = "FY{y}", reduction = {round(r.uniform(0.01, 1), 3)} }}')
            lines.append("milestones = [" + ", ".join(ms) + "]")
        lines.append("")
    with open(os.path.join(path, "dataset.toml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))

    # ---------------- scenario
    if r.random() < 0.4:
        os.makedirs(os.path.join(path, "scenarios"))
        lev = {}
        for k, lo, hi in [("scope1_change", -0.2, 0.05), ("electricity_growth", -0.05, 0.1), ("grid_factor_change", -0.1, 0.02),
                          ("clean_share_target", 0, 1), ("removals_per_year", 0, 5000), ("offsets_per_year", 0, 5000),
                          ("revenue_growth", -0.05, 0.2), ("scope3_change", -0.2, 0.05), ("avoided_growth", -0.2, 0.5)]:
            if r.random() < 0.4:
                lev[k] = round(r.uniform(lo, hi), 4)
        sl = [f"name = {tq(r.choice(['Fast lane', 'Szenario Ü', 'base']))}"]
        if r.random() < 0.5:
            sl.append('description = "generated"')
        sl.append("")
        sl.append("[levers]")
        sl += [f"{k} = {v}" for k, v in lev.items()]
        with open(os.path.join(path, "scenarios", "s.toml"), "w", encoding="utf-8") as f:
            f.write("\n".join(sl) + "\n")
    return path


def main(argv):
    if len(argv) != 4:
        print("usage: gen_datasets.py OUTDIR N SEED", file=sys.stderr)
        return 2
    out, n, seed = argv[1], int(argv[2]), int(argv[3])
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        print(generate(out, seed, i))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
