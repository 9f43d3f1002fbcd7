"""The fonts a report needs, and whether this machine has them.

Reports are printed with the Noto families only, found on this machine by
fontconfig: no web font, no request. A PDF in a language whose fonts are
missing would show empty boxes instead of letters ("tofu"), so the generator
checks first and says which package is missing rather than print boxes.

fontconfig is reached through a few lines of cffi (cffi comes with
WeasyPrint); where the library itself is missing, every family counts as
missing.
"""

from __future__ import annotations

from functools import cache

# The CSS font-family list of the PDF; the same order for the chart pictures.
FAMILIES = ("Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans CJK SC")
CSS_FAMILIES = ", ".join(f'"{family}"' for family in FAMILIES) + ", sans-serif"

# What each language needs: any one family of each tuple. Latin and Cyrillic
# letters (numbers, names, links) appear in every report, hence "Noto Sans".
_LATIN = ("Noto Sans",)
_ARABIC = ("Noto Sans Arabic", "Noto Naskh Arabic")
_CHINESE = ("Noto Sans CJK SC",)
NEEDED: dict[str, tuple[tuple[str, ...], ...]] = {
    "ar": (_LATIN, _ARABIC),
    "zh-hans": (_LATIN, _CHINESE),
}
# The Debian package that brings each family (for the message to the operator).
PACKAGES = {
    "Noto Sans": "fonts-noto-core",
    "Noto Sans Arabic": "fonts-noto-core",
    "Noto Naskh Arabic": "fonts-noto-core",
    "Noto Sans CJK SC": "fonts-noto-cjk",
}

_CDEF = """
typedef struct _FcPattern FcPattern;
typedef struct _FcObjectSet FcObjectSet;
typedef struct _FcConfig FcConfig;
typedef struct { int nfont; int sfont; FcPattern **fonts; } FcFontSet;
FcPattern *FcPatternCreate(void);
int FcPatternAddString(FcPattern *p, const char *object, const unsigned char *s);
void FcPatternDestroy(FcPattern *p);
FcObjectSet *FcObjectSetCreate(void);
int FcObjectSetAdd(FcObjectSet *os, const char *object);
void FcObjectSetDestroy(FcObjectSet *os);
FcFontSet *FcFontList(FcConfig *config, FcPattern *p, FcObjectSet *os);
void FcFontSetDestroy(FcFontSet *s);
"""


@cache
def _fontconfig():  # type: ignore[no-untyped-def]
    """(ffi, library), or ``None`` where fontconfig cannot be loaded."""
    try:
        import cffi

        ffi = cffi.FFI()
        ffi.cdef(_CDEF)
        for name in ("libfontconfig.so.1", "fontconfig", "libfontconfig-1.dll"):
            try:
                return ffi, ffi.dlopen(name)
            except OSError:
                continue
    except ImportError:
        pass
    return None


@cache
def is_installed(family: str) -> bool:
    """Whether fontconfig knows a font of ``family`` (exact family name)."""
    loaded = _fontconfig()
    if loaded is None:
        return False
    ffi, fc = loaded
    pattern = fc.FcPatternCreate()
    objects = fc.FcObjectSetCreate()
    try:
        fc.FcPatternAddString(pattern, b"family", family.encode())
        fc.FcObjectSetAdd(objects, b"family")
        found = fc.FcFontList(ffi.NULL, pattern, objects)
        if found == ffi.NULL:
            return False
        try:
            return found.nfont > 0
        finally:
            fc.FcFontSetDestroy(found)
    finally:
        fc.FcObjectSetDestroy(objects)
        fc.FcPatternDestroy(pattern)


def missing_for(language: str) -> list[str]:
    """The families a report in ``language`` needs and this machine lacks (one per need)."""
    missing = []
    for choices in NEEDED.get(language, (_LATIN,)):
        if not any(is_installed(family) for family in choices):
            missing.append(choices[0])
    return missing


def packages_for(families: list[str]) -> list[str]:
    return sorted({PACKAGES.get(family, family) for family in families})
