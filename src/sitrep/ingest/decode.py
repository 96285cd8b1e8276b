"""Bytes to text, refusing what is not UTF-8 text rather than guessing (no silent mojibake)."""

from __future__ import annotations

import codecs

from ..errors import InputError
from . import errors

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def decode_utf8(data: bytes, name: str) -> str | InputError:
    """Decode UTF-8 (a leading BOM is dropped); an empty, binary or other-encoded input is an error."""
    if any(data.startswith(bom) for bom in _UTF16_BOMS):
        return errors.not_utf8(name, "it is UTF-16 or UTF-32", "convert it, e.g. `iconv -f UTF-16 -t UTF-8 FILE`")
    if b"\x00" in data:
        return errors.binary(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return errors.not_utf8(name, f"byte 0x{data[exc.start]:02X} at offset {exc.start}")
    if not text.strip():
        return errors.empty(name)
    return text


def decode_declared(data: bytes, name: str, charset: str | None) -> str | InputError:
    """Decode with a charset the input declares (HTML meta, HTTP header); UTF-8 when none is declared."""
    if not charset or _is_utf8(charset):
        return decode_utf8(data, name)
    try:
        text = data.decode(charset)
    except LookupError:
        return errors.not_utf8(name, f"declares unknown charset {charset!r}")
    except UnicodeDecodeError as exc:
        return errors.not_utf8(name, f"declares {charset} but byte 0x{data[exc.start]:02X} at offset "
                                     f"{exc.start} is not valid in it")
    if not text.strip():
        return errors.empty(name)
    return text


def _is_utf8(charset: str) -> bool:
    return charset.lower().replace("_", "-") in ("utf-8", "utf8", "us-ascii", "ascii")
