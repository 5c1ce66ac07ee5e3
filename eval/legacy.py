"""Encoders that turn clean Vietnamese into the mis-decoded text found in scraped corpora.

These are written for the evaluation corpus independently of vnlint's own tables
(rules/data/encoding_*.tsv), so that the evaluation is not circular; a test
cross-checks the two (tests/test_quality_gate.py).

Every function here takes clean NFC text and returns what a reader would see
after the text went through the wrong encoding path.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Dict

# -- UTF-8 mojibake ---------------------------------------------------------------


@cache
def _sloppy_cp1252_table() -> str:
    """cp1252 with the five undefined bytes kept as C1 controls, as browsers and ftfy read it."""
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars)


def read_as_cp1252(data: bytes) -> str:
    table = _sloppy_cp1252_table()
    return "".join(table[b] for b in data)


def mojibake_cp1252(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 ("Viá»‡t Nam"); undefined bytes become C1 controls."""
    return read_as_cp1252(text.encode("utf-8"))


def mojibake_latin1(text: str) -> str:
    """UTF-8 bytes read as ISO-8859-1: every byte 0x80-0x9F becomes a C1 control character."""
    return text.encode("utf-8").decode("latin-1")


def mojibake_double(text: str) -> str:
    """Mojibake of mojibake: the cp1252 misreading written back as UTF-8 and misread again."""
    return mojibake_cp1252(mojibake_cp1252(text))


# -- Legacy Vietnamese 8-bit encodings ----------------------------------------------

# TCVN3 (ABC, the .VnTime fonts), lowercase and the seven bare capitals, from the
# TCVN 5712:1993 VN3 chart. Each string lists the letter with no tone, huyền, hỏi, ngã,
# sắc, nặng (in that order) followed by the byte each is stored as.
_TCVN3_ROWS = {
    "a": ("aàảãáạ", "a\xb5\xb6\xb7\xb8\xb9"),
    "ă": ("ăằẳẵắặ", "\xa8\xbb\xbc\xbd\xbe\xc6"),
    "â": ("âầẩẫấậ", "\xa9\xc7\xc8\xc9\xca\xcb"),
    "e": ("eèẻẽéẹ", "e\xcc\xce\xcf\xd0\xd1"),
    "ê": ("êềểễếệ", "\xaa\xd2\xd3\xd4\xd5\xd6"),
    "i": ("iìỉĩíị", "i\xd7\xd8\xdc\xdd\xde"),
    "o": ("oòỏõóọ", "o\xdf\xe1\xe2\xe3\xe4"),
    "ô": ("ôồổỗốộ", "\xab\xe5\xe6\xe7\xe8\xe9"),
    "ơ": ("ơờởỡớợ", "\xac\xea\xeb\xec\xed\xee"),
    "u": ("uùủũúụ", "u\xef\xf1\xf2\xf3\xf4"),
    "ư": ("ưừửữứự", "\xad\xf5\xf6\xf7\xf8\xf9"),
    "y": ("yỳỷỹýỵ", "y\xfa\xfb\xfc\xfd\xfe"),
}
_TCVN3_CAPITALS = {"Ă": "\xa1", "Â": "\xa2", "Ê": "\xa3", "Ô": "\xa4", "Ơ": "\xa5", "Ư": "\xa6", "Đ": "\xa7", "đ": "\xae"}


@cache
def tcvn3_table() -> Dict[str, str]:
    """Unicode letter -> the TCVN3 byte (as a Latin-1 character), lowercase letters and bare capitals."""
    table = dict(_TCVN3_CAPITALS)
    for letters, codes in _TCVN3_ROWS.values():
        for letter, code in zip(letters, codes):
            if letter != code:
                table[letter] = code
    return table


def tcvn3(text: str) -> str:
    """Text typed in TCVN3 fonts, later read as Windows-1252 ("ViÖt Nam").

    ABC text sets capitals with a tone in the separate .VnTimeH fonts, which reuse
    the lowercase codes, so those capitals come out lowercase (the loss is real).
    """
    table = tcvn3_table()
    out = []
    for char in text:
        code = table.get(char)
        if code is None and char != char.lower():
            code = table.get(char.lower())
        out.append(code if code is not None else char)
    return "".join(out)


# VNI-Windows: an ASCII base letter followed by a mark byte; i with a tone, ỵ, ơ, ư, đ are single bytes.
_VNI_TONE = {"": "", "\u0301": "\xf9", "\u0300": "\xf8", "\u0309": "\xfb", "\u0303": "\xf5", "\u0323": "\xef"}
_VNI_CIRCUMFLEX = {"": "\xe2", "\u0301": "\xe1", "\u0300": "\xe0", "\u0309": "\xe5", "\u0303": "\xe3", "\u0323": "\xe4"}
_VNI_BREVE = {"": "\xea", "\u0301": "\xe9", "\u0300": "\xe8", "\u0309": "\xfa", "\u0303": "\xfc", "\u0323": "\xeb"}
_VNI_I = {"": "i", "\u0301": "\xed", "\u0300": "\xec", "\u0309": "\xe6", "\u0303": "\xf3", "\u0323": "\xf2"}
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _split_letter(char: str):
    """'ệ' -> ('e', '\u0302', '\u0323'): base letter, shape mark (circumflex, breve, horn) and tone."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    tone = "".join(m for m in marks if m in _TONES)
    shape = "".join(m for m in marks if m not in _TONES)
    return base, shape, tone


@cache
def vni_table() -> Dict[str, str]:
    table = {"đ": "\xf1", "Đ": "\xd1"}
    for base in "aeiouy":
        for shape in ("", "\u0302", "\u0306", "\u031b"):
            for tone in _TONES + " ":
                tone = tone.strip()
                letter = unicodedata.normalize("NFC", base + shape + tone)
                if len(letter) != 1 or (base, shape) in {("e", "\u0306"), ("i", "\u0302"), ("u", "\u0302"), ("y", "\u0302")}:
                    continue
                if shape == "" and base == "i":
                    code = _VNI_I[tone]
                elif shape == "" and base == "y" and tone == "\u0323":
                    code = "\xee"
                elif shape == "":
                    code = base + _VNI_TONE[tone]
                elif shape == "\u0302":
                    code = base + _VNI_CIRCUMFLEX[tone]
                elif shape == "\u0306" and base == "a":
                    code = base + _VNI_BREVE[tone]
                elif shape == "\u031b" and base in "ou":
                    code = {"o": "\xf4", "u": "\xf6"}[base] + _VNI_TONE[tone]
                else:
                    continue
                if code != letter:
                    table[letter] = code
                    table[letter.upper()] = code.upper()
    return table


def vni(text: str) -> str:
    """Text typed in VNI fonts, later read as Windows-1252 ("Vieät Nam", "Tröôøng")."""
    table = vni_table()
    return "".join(table.get(char, char) for char in text)


def cp1258(text: str) -> str:
    """Text saved as Windows-1258 (tones as combining bytes), later read as Windows-1252 ("Viêòt")."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(m for m in decomposed if m in _TONES)
        base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in _TONES))
        try:
            out.append((base + tones).encode("cp1258"))
        except UnicodeEncodeError:
            out.append(char.encode("cp1252", errors="replace"))
    return read_as_cp1252(b"".join(out))
