#!/usr/bin/env python3
"""Compare `BIN report DATASET --format json` with reference.py on generated datasets and the samples.

    compare.py BIN N SEED [--keep DIR] [--max-diffs K]

Generates N datasets (gen_datasets.py, seed SEED) under DIR (default /tmp/crosscheck-SEED), runs
both implementations on each (and with --scenario when the dataset has scenarios/s.toml), and
compares every key that DATA.md requires, recursively: numbers to 1e-6 relative (absolute floor
1e-9), nulls must match, list lengths must match. Diagnostics are compared as the list of
(severity, file, line, column) (messages are free text). Also checks the samples under
sample-data/ and the hand-worked figures of their READMEs. Exit 1 on any mismatch.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_datasets  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SAMPLES = [p for p in (os.path.join(REPO, "sample-data"), "/work/main/sample-data") if os.path.isdir(p)][0]

REQUIRED = {
    "": ["schema", "organization", "latest_complete_fy", "in_progress_fy", "in_progress_through", "scenario",
         "targets", "operational", "value_chain", "scope3plus", "diagnostics"],
    "scenario": ["name", "levers"],
    "scenario.levers": ["scope1_change", "electricity_growth", "grid_factor_change", "clean_share_target",
                        "removals_per_year", "offsets_per_year", "revenue_growth", "scope3_change", "avoided_growth"],
    "targets[]": ["id", "kind", "title", "entity", "baseline", "by", "latest_fy", "status", "gap", "outcome",
                  "achieved_fraction", "target_level", "value_at_latest", "path_at_latest", "sbti",
                  "required_change_per_year", "milestones", "years", "projection"],
    "targets[].outcome": ["projected_at_by", "met", "year_met", "shortfall"],
    "targets[].milestones[]": ["fy", "level", "actual", "status", "projected"],
    "targets[].years[]": ["fy", "value", "path"],
    "targets[].projection[]": ["fy", "value"],
    "operational": ["target_id", "years", "path_net_tco2e_at_latest", "required_cut_per_year_tco2e", "projection"],
    "operational.years[]": ["fy", "complete", "scope1_tco2e", "scope2_location_tco2e", "scope2_market_tco2e",
                            "scope1_2_tco2e", "gross_tco2e", "removals_tco2e", "offsets_tco2e", "net_tco2e",
                            "abatement_tco2e", "clean_electricity_share", "pue"],
    "operational.projection[]": ["fy", "net_tco2e"],
    "value_chain": ["target_id", "years", "baseline_intensity", "target_intensity", "path_intensity_at_latest",
                    "required_annual_reduction", "implied_target_rate", "sbti_intensity_ok", "categories", "projection"],
    "value_chain.years[]": ["fy", "complete", "scope3_tco2e", "revenue", "intensity", "yoy"],
    "value_chain.categories[]": ["category", "name", "tco2e", "share"],
    "value_chain.projection[]": ["fy", "intensity"],
    "scope3plus": ["target_id", "years", "amount_tco2e", "progress", "remaining_tco2e", "required_growth",
                   "projected_total_at_by_tco2e", "projected_year_reached", "by_entity", "programs"],
    "scope3plus.years[]": ["fy", "complete", "avoided_tco2e", "cumulative_tco2e", "yoy", "verified_share"],
    "scope3plus.by_entity[]": ["entity", "avoided_tco2e"],
    "scope3plus.programs[]": ["entity", "program", "avoided_tco2e", "events", "participants"],
}


def num_eq(a, b):
    return abs(a - b) <= max(1e-9, 1e-6 * max(abs(a), abs(b)))


def compare(ref, got, path, schema_path, diffs):
    if schema_path == "diagnostics":
        if not isinstance(got, list):
            diffs.append((path, "list", got))
            return
        key = lambda d: (d.get("severity"), d.get("file"), d.get("line"), d.get("column"))
        a, b = [key(d) for d in ref], [key(d) for d in got if isinstance(d, dict)]
        if a != b:
            diffs.append((path, a[:5], b[:5]))
        return
    if isinstance(ref, dict):
        if not isinstance(got, dict):
            diffs.append((path, "object", got))
            return
        for k in REQUIRED.get(schema_path, ref.keys()):
            if k not in got:
                diffs.append((f"{path}.{k}", ref.get(k), "<missing key>"))
                continue
            sp = f"{schema_path}.{k}" if schema_path else k
            compare(ref.get(k), got[k], f"{path}.{k}" if path else k, sp, diffs)
        return
    if isinstance(ref, list):
        if not isinstance(got, list):
            diffs.append((path, "list", got))
            return
        if len(ref) != len(got):
            diffs.append((path + ".length", len(ref), len(got)))
        for i, (a, b) in enumerate(zip(ref, got)):
            compare(a, b, f"{path}[{i}]", schema_path + "[]", diffs)
        return
    if ref is None or got is None:
        if ref is not got:
            diffs.append((path, ref, got))
        return
    if isinstance(ref, bool) or isinstance(got, bool):
        if ref is not got:
            diffs.append((path, ref, got))
        return
    if isinstance(ref, (int, float)) and isinstance(got, (int, float)):
        if not num_eq(float(ref), float(got)):
            diffs.append((path, ref, got))
        return
    if ref != got:
        diffs.append((path, ref, got))


def run_bin(binary, ds, scen):
    cmd = [binary, "report", ds, "--format", "json"] + (["--scenario", scen] if scen else [])
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if p.returncode != 0:
        return None, f"exit {p.returncode}: {p.stderr.decode(errors='replace')[:300]}"
    try:
        return json.loads(p.stdout), None
    except json.JSONDecodeError as e:
        return None, f"invalid JSON: {e}"


def run_ref(ds, scen):
    cmd = [sys.executable, os.path.join(HERE, "reference.py"), ds] + (["--scenario", scen] if scen else [])
    p = subprocess.run(cmd, capture_output=True, timeout=120)
    if p.returncode != 0:
        raise RuntimeError(f"reference failed on {ds}: {p.stderr.decode()[-2000:]}")
    return json.loads(p.stdout)


def check_case(binary, ds, scen, max_diffs, label):
    ref = run_ref(ds, scen)
    got, err = run_bin(binary, ds, scen)
    if err:
        print(f"MISMATCH {label}: binary: {err}")
        return False
    diffs = []
    compare(ref, got, "", "", diffs)
    if diffs:
        print(f"MISMATCH {label}: {len(diffs)} differences")
        for path, a, b in diffs[:max_diffs]:
            print(f"  {path}: reference={json.dumps(a, ensure_ascii=False)} binary={json.dumps(b, ensure_ascii=False)}")
        return False
    return True


# Hand-worked figures of the samples' READMEs (independent of both implementations).
HAND = {
    "alibaba": [
        ("operational.path_net_tco2e_at_latest", 2813333.3333333), ("operational.required_cut_per_year_tco2e", 741666.666667),
        ("targets[0].gap", 1636666.666667), ("targets[0].status", "behind"), ("targets[0].latest_fy", "FY2024"),
        ("value_chain.baseline_intensity", 8.217843), ("value_chain.target_intensity", 4.108921),
        ("value_chain.path_intensity_at_latest", 6.848202), ("targets[1].gap", 1.251798),
        ("value_chain.required_annual_reduction", 0.106954), ("value_chain.implied_target_rate", 0.074125),
        ("value_chain.sbti_intensity_ok", True), ("scope3plus.progress", 0.07697),
        ("scope3plus.remaining_tco2e", 1384545000), ("scope3plus.required_growth", 0.150261426),
        ("scope3plus.projected_total_at_by_tco2e", 42260998704.79), ("scope3plus.projected_year_reached", "FY2030"),
        ("targets[2].status", "on_track"), ("targets[3].status", "no_data"), ("scope3plus.years[4].cumulative_tco2e", 115455000),
    ],
    "greenfield": [
        ("latest_complete_fy", "FY2025"), ("in_progress_fy", "FY2026"), ("in_progress_through", "2026-02"),
        ("scope3plus.years[6].avoided_tco2e", 151280.983139), ("scope3plus.years[7].avoided_tco2e", 90246.239946),
        ("scope3plus.years[6].verified_share", 0.780006), ("scope3plus.years[6].cumulative_tco2e", 499680.130374),
        ("scope3plus.progress", 0.227127), ("scope3plus.remaining_tco2e", 1700319.869626),
        ("scope3plus.required_growth", 0.283407), ("scope3plus.projected_total_at_by_tco2e", 2084105.05),
        ("targets[2].gap", 115894.95), ("scope3plus.projected_year_reached", "FY2031"),
        ("scope3plus.programs[0].events", 470), ("scope3plus.programs[0].participants", 338),
        ("scope3plus.programs[2].avoided_tco2e", 2769.9039),
        ("operational.years[0].net_tco2e", 133140), ("operational.years[6].net_tco2e", 47866.4),
        ("operational.path_net_tco2e_at_latest", 60518.1818), ("targets[0].status", "on_track"),
        ("operational.required_cut_per_year_tco2e", 9573.28), ("operational.years[6].clean_electricity_share", 0.655150),
        ("operational.years[6].pue", 1.273420), ("operational.years[7].gross_tco2e", 60786.6),
        ("operational.years[7].net_tco2e", 56755.8), ("targets[3].gap", 29971.9), ("targets[3].status", "behind"),
        ("value_chain.baseline_intensity", 292.701149), ("value_chain.target_intensity", 117.080460),
        ("value_chain.years[6].intensity", 193.593974), ("value_chain.path_intensity_at_latest", 196.908046),
        ("targets[1].status", "on_track"), ("value_chain.required_annual_reduction", 0.095688),
        ("value_chain.implied_target_rate", 0.079924), ("value_chain.categories[0].tco2e", 194563),
        ("value_chain.categories[14].tco2e", 22053), ("targets[4].status", "achieved"),
        # Revision 4 (README "Revision 4: targets of any organization")
        ("targets[5].target_level", 74799.12), ("targets[5].milestones[0].level", 113488.32),
        ("targets[5].milestones[0].status", "met"), ("targets[5].milestones[1].level", 90274.8),
        ("targets[5].path_at_latest", 98012.64), ("targets[5].status", "on_track"),
        ("targets[5].achieved_fraction", 0.603668), ("targets[5].required_change_per_year", 4293.456),
        ("targets[5].sbti", True), ("targets[9].path_at_latest", 11062.5), ("targets[9].gap", 217.5),
        ("targets[9].achieved_fraction", 0.362712), ("targets[9].required_change_per_year", 1128),
        ("targets[7].path_at_latest", 0.8), ("targets[7].milestones[0].status", "missed"),
        ("targets[7].achieved_fraction", 0.633793), ("targets[7].required_change_per_year", 0.052001),
        ("targets[2].milestones[0].status", "missed"),
    ],
}


def get(obj, path):
    import re
    for part in path.split("."):
        m = re.match(r"^(\w+)(?:\[(\d+)\])?$", part)
        obj = obj[m.group(1)]
        if m.group(2) is not None:
            obj = obj[int(m.group(2))]
    return obj


def check_hand(rep, name, label):
    ok = True
    for path, want in HAND[name]:
        try:
            v = get(rep, path)
        except (KeyError, IndexError, TypeError):
            v = "<missing>"
        if isinstance(want, str) or isinstance(want, bool):
            good = v == want
        else:
            # README figures are rounded to the printed digits
            good = isinstance(v, (int, float)) and abs(v - want) <= max(1e-6 * abs(want), 0.5e-6 if abs(want) < 10 else 0.006)
        if not good:
            ok = False
            print(f"HAND-WORKED MISMATCH {label} {name}: {path}: README={want} got={v}")
    return ok


def main(argv):
    args = argv[1:]
    keep, max_diffs = None, 12
    if "--keep" in args:
        i = args.index("--keep"); keep = args[i + 1]; del args[i:i + 2]
    if "--max-diffs" in args:
        i = args.index("--max-diffs"); max_diffs = int(args[i + 1]); del args[i:i + 2]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, n, seed = os.path.abspath(args[0]), int(args[1]), int(args[2])
    out = keep or f"/tmp/crosscheck-{seed}"
    ok = True
    # samples, with the hand-worked figures
    for name in ("alibaba", "greenfield"):
        ds = os.path.join(SAMPLES, name)
        ok &= check_hand(run_ref(ds, None), name, "reference")
        got, err = run_bin(binary, ds, None)
        if got is not None:
            ok &= check_hand(got, name, "binary")
        ok &= check_case(binary, ds, None, max_diffs, f"sample {name}")
        sd = os.path.join(ds, "scenarios")
        if os.path.isdir(sd):
            for f in sorted(os.listdir(sd)):
                ok &= check_case(binary, ds, os.path.join(sd, f), max_diffs, f"sample {name} --scenario {f}")
    os.makedirs(out, exist_ok=True)
    bad = 0
    for i in range(n):
        ds = gen_datasets.generate(out, seed, i)
        scen = os.path.join(ds, "scenarios", "s.toml")
        good = check_case(binary, ds, None, max_diffs, f"seed {seed} dataset {i} ({ds})")
        if os.path.exists(scen):
            good &= check_case(binary, ds, scen, max_diffs, f"seed {seed} dataset {i} --scenario ({ds})")
        bad += not good
    print(f"{n - bad}/{n} generated datasets agree; samples {'agree' if ok else 'DISAGREE'}")
    return 0 if ok and bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
