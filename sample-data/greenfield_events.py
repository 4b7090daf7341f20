#!/usr/bin/env python3
"""Generates sample-data/greenfield/events/*.csv, the avoided-emissions ledger of the FICTIONAL
Greenfield Holdings dataset. Standard library only, fixed seed: the output is the same on every
run (`python3 sample-data/greenfield_events.py` rewrites the three files).

Fiscal years end 30 June. Events run from 2023-07-01 (FY2024) to 2026-02-28 (FY2026 in
progress, through 2026-02), with events in every month, so each complete year (FY2024, FY2025)
reaches its last month, June. Timestamps mix the two forms of DATA.md: a date, or a date and
time with `Z` or `+hh:mm`. The fiscal year follows the date as written, never a UTC conversion.
"""
import csv
import os
import random

SEED = 20260228
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'greenfield', 'events')
FIRST, LAST = (2023, 7), (2026, 2)   # inclusive months
DAYS = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def month_range():
    y, m = FIRST
    while (y, m) <= LAST:
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def stamp(rng, y, m, offsets):
    """A timestamp in month (y, m) in one of the three written forms."""
    last = 29 if m == 2 and leap(y) else DAYS[m]
    d = rng.randint(1, last)
    form = rng.random()
    if form < 0.3:
        return f'{y:04d}-{m:02d}-{d:02d}'
    hh, mm, ss = rng.randint(6, 22), rng.randint(0, 59), rng.randint(0, 59)
    if form < 0.6:
        return f'{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}Z'
    return f'{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}{rng.choice(offsets)}'


def generate(rng, base, growth, make_row, offsets):
    rows = []
    for i, (y, m) in enumerate(month_range()):
        n = max(1, int(base * (1 + growth) ** i * rng.uniform(0.8, 1.2)))
        for _ in range(n):
            rows.append(make_row(stamp(rng, y, m, offsets)))
    rows.sort(key=lambda r: r[0][:10])
    return rows


def write(name, rows, quote_cols=(), bom=False, crlf=False):
    """quote_cols: column indexes quoted on every row; other cells are quoted only when needed
    (csv.QUOTE_MINIMAL), or per row when the cell is given as ('q', text)."""
    path = os.path.join(OUT, name)
    end = '\r\n' if crlf else '\n'
    with open(path, 'w', encoding='utf-8', newline='') as f:
        if bom:
            f.write('\ufeff')
        f.write('timestamp,entity,program,participant,avoided_kgco2e' + end)
        for row in rows:
            cells = []
            for i, c in enumerate(row):
                forced = isinstance(c, tuple)
                text = c[1] if forced else c
                if forced or i in quote_cols or any(ch in text for ch in ',"\r\n'):
                    text = '"' + text.replace('"', '""') + '"'
                cells.append(text)
            f.write(','.join(cells) + end)
    return path


def main():
    rng = random.Random(SEED)
    os.makedirs(OUT, exist_ok=True)

    # 1. Café Verde: refills in a reusable cup, one event per visit (kg per visit, 3 decimals).
    #    The entity is quoted on about half the rows (quoting is optional there).
    members = [f'cv-{i:05d}' for i in range(1, 701)]

    def cafe(ts):
        ent = ('q', 'Café Verde') if rng.random() < 0.5 else 'Café Verde'
        kg = rng.randint(1, 4) * rng.uniform(0.045, 0.075)
        return [ts, ent, 'Refill cup', rng.choice(members), f'{kg:.3f}']
    cafe_rows = generate(rng, 28, 0.02, cafe, ['+01:00', '+02:00'])
    # Two deliberate edge events: the fiscal year follows the date as written.
    cafe_rows.append(['2024-07-01T00:15:00+02:00', 'Café Verde', 'Refill cup', 'cv-00001', '0.120'])  # FY2025 (UTC: FY2024)
    cafe_rows.append(['2025-06-30T23:45:00Z', 'Café Verde', 'Refill cup', 'cv-00002', '0.060'])        # FY2025
    cafe_rows.sort(key=lambda r: r[0][:10])

    # 2. Greenfield Logistics, Inc.: shipments moved from road to rail (kg per shipment, 1 decimal).
    #    The entity holds a comma, so it is always quoted. Rail freight before FY2024 is in
    #    avoided.csv as annual figures; the ledger starts on 2023-07-01 (FY2024).
    shippers = [f'SHP-{i:04d}' for i in range(1, 181)]

    def rail(ts):
        kg = rng.uniform(0.6, 16.0) * 1000
        return [ts, 'Greenfield Logistics, Inc.', 'Rail freight shift', rng.choice(shippers), f'{kg:.1f}']
    rail_rows = generate(rng, 22, 0.015, rail, ['+01:00', '+02:00', '+05:30'])
    # Written as FY2024's first minute in local time (UTC would be 2023-06-30, FY2023, which
    # avoided.csv already holds: a UTC reading would wrongly report double counting).
    rail_rows.insert(0, ['2023-07-01T00:30:00+02:00', 'Greenfield Logistics, Inc.', 'Rail freight shift', 'SHP-0001', '4200.0'])

    # 3. Nordlicht Energie GmbH: smart EV charging at off-peak, green hours (kg per session).
    #    Two programs; the second holds a comma and a non-ASCII letter. Written with a BOM and
    #    CRLF line ends; some participant ids quoted without need.
    households = [f'hh-{i:05d}' for i in range(1, 1201)]

    def charge(ts):
        prog = 'Smart charging' if rng.random() < 0.7 else 'Wärmepumpen-Steuerung, Nachtstrom'
        part = rng.choice(households)
        if rng.random() < 0.2:
            part = ('q', part)
        kg = rng.uniform(1.5, 38.0)
        return [ts, 'Nordlicht Energie GmbH', prog, part, f'{kg:.2f}']
    nord_rows = generate(rng, 30, 0.025, charge, ['+01:00', '+02:00'])

    paths = [write('cafe_verde_refill.csv', cafe_rows),
             write('logistics_rail.csv', rail_rows, quote_cols=(1,)),
             write('nordlicht_charging.csv', nord_rows, bom=True, crlf=True)]
    for p in paths:
        print(os.path.relpath(p, HERE), os.path.getsize(p), 'bytes')


if __name__ == '__main__':
    main()
