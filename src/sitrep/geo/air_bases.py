"""Military air bases news names differently from the civil airfield they share.

airportsdata lists airfields under their civil or official names ("Bassel Al-Assad International
Airport"); reporting uses the base's own name ("Hmeymim air base"). This general table gives those
names as alternate names of the airfield's ICAO code; a name whose code airportsdata lacks is skipped.
"""

from __future__ import annotations

AIR_BASE_NAMES: dict[str, tuple[str, ...]] = {
    "OSLK": ("Hmeymim", "Hmeimim", "Khmeimim", "Humaymim"),
    "LTAG": ("Incirlik",),
    "OTBH": ("Al Udeid",),
    "OAIX": ("Bagram",),
    "OAKN": ("Kandahar Airfield",),
    "ETAR": ("Ramstein",),
    "ORAA": ("Al Asad", "Ain al-Asad"),
    "ORBD": ("Balad Air Base", "Joint Base Balad"),
    "OMAM": ("Al Dhafra",),
    "OEPS": ("Prince Sultan Air Base",),
    "FJDG": ("Diego Garcia",),
    "LIPA": ("Aviano",),
    "LICZ": ("Sigonella",),
    "MUGM": ("Guantanamo Bay Naval Base",),
    "HDAM": ("Camp Lemonnier",),
    "UKFB": ("Belbek",),
    "UWSS": ("Engels air base",),
    "RODN": ("Kadena",),
    "RKSO": ("Osan Air Base",),
    "RJTY": ("Yokota",),
    "EGUL": ("Lakenheath",),
    "EGUN": ("Mildenhall",),
}
