#!/usr/bin/env python3
"""Differential corpus for CarbonTOML, judged by Python's standard tomllib.

usage: toml_reference.py OUTDIR [--seed N] [--count N] [FILE...]

Writes OUTDIR/<name>.toml for every case and OUTDIR/manifest.txt, one line per case:
"<name>\\t<expected>", where <expected> is "invalid" or the canonical tagged JSON of the
document (json.dumps, ensure_ascii, no spaces):
  table    {"table":[[key,value],...]}     keys in document (insertion) order
  array    {"array":[value,...]}
  string   {"string":"..."}
  integer  {"integer":"-12"}                decimal text
  float    {"float":"3ff0000000000000"}     IEEE-754 bits in hex, or "nan", "inf", "-inf"
  boolean  {"boolean":true}
  datetime {"datetime":[y,mo,d,h,mi,s,us,offset_minutes]}  null where absent
Fractional seconds are compared to the microsecond: tomllib truncates them there.
FILE arguments (real TOML files of the repository) are added as cases named real-N.

The corpus: random valid documents covering every value kind, key form, table form and
whitespace/comment placement; targeted edge values (valid and invalid); hand-written
redefinition snippets; short documents of colliding headers and keys over a three-letter
alphabet; and mutations of valid documents. tomllib decides every expectation,
with one adjustment: it accepts integers outside the signed 64-bit range, which TOML 1.0.0
requires a parser to reject ("If an integer cannot be represented losslessly, an error must
be thrown"), so such documents are expected "invalid".
"""

import datetime
import json
import os
import random
import struct
import sys
import tomllib

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


class OutOfRange(Exception):
    pass


def canon(value):
    if isinstance(value, bool):
        return {"boolean": value}
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            raise OutOfRange()
        return {"integer": str(value)}
    if isinstance(value, float):
        if value != value:
            return {"float": "nan"}
        if value in (float("inf"), float("-inf")):
            return {"float": "inf" if value > 0 else "-inf"}
        return {"float": struct.pack(">d", value).hex()}
    if isinstance(value, str):
        return {"string": value}
    if isinstance(value, list):
        return {"array": [canon(v) for v in value]}
    if isinstance(value, dict):
        return {"table": [[k, canon(v)] for k, v in value.items()]}
    if isinstance(value, datetime.datetime):
        offset = None
        if value.tzinfo is not None:
            offset = int(value.utcoffset().total_seconds()) // 60
        return {"datetime": [value.year, value.month, value.day, value.hour, value.minute,
                             value.second, value.microsecond, offset]}
    if isinstance(value, datetime.date):
        return {"datetime": [value.year, value.month, value.day, None, None, None, 0, None]}
    if isinstance(value, datetime.time):
        return {"datetime": [None, None, None, value.hour, value.minute, value.second,
                             value.microsecond, None]}
    raise TypeError(type(value))


def expected(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")  # strict UTF-8; a leading BOM is skipped
        return json.dumps(canon(tomllib.loads(text)), ensure_ascii=True, separators=(",", ":"))
    except Exception:  # TOMLDecodeError, UnicodeDecodeError, OutOfRange, ValueError, ...
        return "invalid"


# ---------------------------------------------------------------- random valid documents

BARE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
STRING_CHARS = list("abc xyz 019 .,;:=[]{}#'/") + ["é", "日本", "\u0301", "😀", "\t", "ß", "\u00a0"]
BASIC_ESCAPES = ["\\b", "\\t", "\\n", "\\f", "\\r", '\\"', "\\\\", "\\u00e9", "\\u0000",
                 "\\U0001F600", "\\u001f", "\\uFFFF", "\\U0010FFFF", "\\u007F"]


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.serial = 0

    def ws(self):
        return self.r.choice(["", "", " ", " ", "  ", "\t", " \t "])

    def nl(self):
        return self.newline

    def comment(self):
        body = self.r.choice(["", " note", " é 日本 😀", "#", " a = 1", "\t tab", " \"q\" 'q'"])
        return "#" + body

    def eol(self):
        return self.ws() + (self.comment() if self.r.random() < 0.3 else "") + self.nl()

    def fresh(self):
        self.serial += 1
        return self.serial

    # keys
    def simple_key(self):
        n = self.fresh()
        kind = self.r.random()
        if kind < 0.55:
            length = self.r.randint(0, 6)
            return "".join(self.r.choice(BARE) for _ in range(length)) + "k" + str(n)
        if kind < 0.65:
            return self.r.choice(["1234", "-", "_", "true", "inf", "nan", "0x1"]) + "_" + str(n)
        if kind < 0.85:
            body = "".join(self.r.choice(["a", " ", ".", "é", "=", "#", "[", "e\u0301", "\u00e9"])
                           for _ in range(self.r.randint(0, 4)))
            esc = self.r.choice(["", "\\t", "\\u0041", '\\"', "\\\\"])
            return '"' + body + esc + str(n) + '"'
        body = "".join(self.r.choice(["a", " ", ".", '"', "\\", "日"]) for _ in range(self.r.randint(0, 4)))
        return "'" + body + str(n) + "'"

    def key(self, parts=None):
        parts = parts or self.r.choice([1, 1, 1, 2, 3])
        sep = lambda: self.r.choice([".", ".", " . ", "\t.", ". "])
        out = self.simple_key()
        for _ in range(parts - 1):
            out += sep() + self.simple_key()
        return out

    # values
    def string(self):
        kind = self.r.random()
        if kind < 0.35:
            body = ""
            for _ in range(self.r.randint(0, 8)):
                body += self.r.choice(BASIC_ESCAPES) if self.r.random() < 0.3 else self.r.choice(STRING_CHARS).replace("\\", "")
            return '"' + body + '"'
        if kind < 0.55:
            body = "".join(self.r.choice(STRING_CHARS + ['"', "\\"]) for _ in range(self.r.randint(0, 8)))
            return "'" + body + "'"
        if kind < 0.8:
            body = self.r.choice(["", self.nl()])
            for _ in range(self.r.randint(0, 8)):
                body += self.r.choice([self.r.choice(STRING_CHARS), self.r.choice(BASIC_ESCAPES),
                                       self.nl(), '"', '""', "\\" + self.r.choice(["", " ", "\t "]) + self.nl() + self.r.choice(["", "  ", self.nl() + " "])])
                if body.endswith('"'):
                    body += "x"
            tail = self.r.choice(["", '"', '""'])
            if body.endswith(("\\", '"')):
                body += "x"
            return '"""' + body + tail + '"""'
        body = self.r.choice(["", self.nl()])
        for _ in range(self.r.randint(0, 8)):
            body += self.r.choice(STRING_CHARS + [self.nl(), "'", "''", "\\", '"""'])
            if body.endswith("'"):
                body += "x"
        if body.endswith("'"):
            body += "x"
        return "'''" + body + self.r.choice(["", "'", "''"]) + "'''"

    def digits(self, first_nonzero=True, allow_underscore=True):
        n = self.r.randint(1, 7)
        s = self.r.choice("123456789") if first_nonzero else self.r.choice("0123456789")
        for _ in range(n - 1):
            if allow_underscore and self.r.random() < 0.15:
                s += "_"
            s += self.r.choice("0123456789")
        return s

    def integer(self):
        kind = self.r.random()
        sign = self.r.choice(["", "", "+", "-"])
        if kind < 0.5:
            return sign + (self.digits() if self.r.random() < 0.9 else "0")
        if kind < 0.65:
            return "0x" + "".join(self.r.choice("0123456789abcdefABCDEF_"[: 22 if self.r.random() < 0.8 else 23])
                                  for _ in range(self.r.randint(1, 8))).strip("_").replace("__", "_") or "0x0"
        if kind < 0.75:
            return "0o" + "_".join("".join(self.r.choice("01234567") for _ in range(self.r.randint(1, 3)))
                                   for _ in range(self.r.randint(1, 3)))
        if kind < 0.85:
            return "0b" + "_".join("".join(self.r.choice("01") for _ in range(self.r.randint(1, 4)))
                                   for _ in range(self.r.randint(1, 3)))
        return self.r.choice(["9223372036854775807", "-9223372036854775808", "+9_223_372_036_854_775_807",
                              "0x7FFFFFFFFFFFFFFF", "0o777777777777777777777", "-0", "+0", "0"])

    def float(self):
        kind = self.r.random()
        sign = self.r.choice(["", "", "+", "-"])
        intpart = self.digits() if self.r.random() < 0.8 else "0"
        if kind < 0.4:
            return sign + intpart + "." + self.digits(first_nonzero=False)
        if kind < 0.6:
            return sign + intpart + self.r.choice(["e", "E"]) + self.r.choice(["", "+", "-"]) + self.digits(first_nonzero=False)
        if kind < 0.8:
            return (sign + intpart + "." + self.digits(first_nonzero=False) + self.r.choice(["e", "E"])
                    + self.r.choice(["", "+", "-"]) + self.digits(first_nonzero=False))
        return self.r.choice(["inf", "+inf", "-inf", "nan", "+nan", "-nan", "1e308", "1.7976931348623157e308",
                              "2.2250738585072014e-308", "5e-324", "4.9e-324", "1e-400", "1e400", "-1e400",
                              "0.1", "0.30000000000000004", "9007199254740993.0", "123456789012345678901234567890.5",
                              "-0.0", "+0.0", "0e0", "3.14159265358979323846264338327950288",
                              "1_000.000_001", "6.02214076e23", "0.000_001e-1_0"])

    def date(self):
        y = self.r.choice([1, 1900, 1979, 2000, 2004, 2023, 2024, 2100, 9999, self.r.randint(1, 9999)])
        m = self.r.randint(1, 12)
        d = self.r.randint(1, 28)
        if self.r.random() < 0.2:
            m, d = 2, 29
            y = self.r.choice([2000, 2004, 2024, 1600, 4])
        if self.r.random() < 0.1:
            d = 31 if m in (1, 3, 5, 7, 8, 10, 12) else 30 if m != 2 else 28
        return f"{y:04d}-{m:02d}-{d:02d}"

    def time(self):
        t = f"{self.r.randint(0, 23):02d}:{self.r.randint(0, 59):02d}:{self.r.randint(0, 59):02d}"
        if self.r.random() < 0.4:
            t += "." + "".join(self.r.choice("0123456789") for _ in range(self.r.randint(1, 12)))
        return t

    def datetime(self):
        kind = self.r.random()
        if kind < 0.2:
            return self.date()
        if kind < 0.35:
            return self.time()
        dt = self.date() + self.r.choice(["T", "t", " "]) + self.time()
        if kind < 0.55:
            return dt
        off = self.r.choice(["Z", "z", f"+{self.r.randint(0, 23):02d}:{self.r.randint(0, 59):02d}",
                             f"-{self.r.randint(0, 23):02d}:{self.r.randint(0, 59):02d}", "+00:00", "-00:00"])
        return dt + off

    def array(self, depth):
        items = [self.value(depth + 1) for _ in range(self.r.randint(0, 4))]
        out = "["
        for i, item in enumerate(items):
            out += self.r.choice(["", " ", self.nl(), " " + self.comment() + self.nl() + "  "]) + item
            if i < len(items) - 1:
                out += self.ws() + ","
        if items and self.r.random() < 0.3:
            out += ","
        out += self.r.choice(["", " ", self.nl(), "  " + self.comment() + self.nl()])
        return out + "]"

    def inline_table(self, depth):
        n = self.r.randint(0, 4)
        pairs = []
        used_prefix = self.simple_key()
        for _ in range(n):
            if self.r.random() < 0.2:
                k = used_prefix + self.r.choice([".", " . "]) + self.simple_key()
            else:
                k = self.key()
            pairs.append(k + self.ws() + "=" + self.ws() + self.value(depth + 1))
        if not pairs:
            return "{" + self.ws() + "}"
        return "{" + self.ws() + ("," + self.ws()).join(pairs) + self.ws() + "}"

    def value(self, depth=0):
        kinds = ["string", "integer", "float", "bool", "datetime"]
        if depth < 3:
            kinds += ["array", "inline"]
        kind = self.r.choice(kinds)
        if kind == "string":
            return self.string()
        if kind == "integer":
            return self.integer()
        if kind == "float":
            return self.float()
        if kind == "bool":
            return self.r.choice(["true", "false"])
        if kind == "datetime":
            return self.datetime()
        if kind == "array":
            return self.array(depth)
        return self.inline_table(depth)

    def keyvals(self, count):
        out = ""
        shared = self.simple_key()
        for _ in range(count):
            if self.r.random() < 0.15:
                out += self.eol() if self.r.random() < 0.5 else self.ws() + self.comment() + self.nl()
            k = self.key()
            if self.r.random() < 0.2:
                k = shared + self.r.choice([".", " . "]) + self.key(self.r.choice([1, 2]))
            out += self.ws() + k + self.ws() + "=" + self.ws() + self.value() + self.eol()
        return out

    def document(self):
        self.newline = "\r\n" if self.r.random() < 0.15 else "\n"
        out = "\ufeff" if self.r.random() < 0.03 else ""
        out += self.keyvals(self.r.randint(0, 4))
        tables = []
        for _ in range(self.r.randint(0, 5)):
            kind = self.r.random()
            if kind < 0.35 or not tables:
                name = self.key(self.r.choice([1, 1, 2]))
            elif kind < 0.7:
                name = self.r.choice(tables) + self.r.choice([".", " . "]) + self.simple_key()
            else:
                name = None
            if name is None:
                arr = self.key(self.r.choice([1, 2]))
                for _ in range(self.r.randint(1, 3)):
                    out += self.ws() + "[[" + self.ws() + arr + self.ws() + "]]" + self.eol()
                    out += self.keyvals(self.r.randint(0, 3))
                    if self.r.random() < 0.3:
                        out += "[" + arr + "." + self.simple_key() + "]" + self.eol() + self.keyvals(self.r.randint(0, 2))
                continue
            tables.append(name)
            out += self.ws() + "[" + self.ws() + name + self.ws() + "]" + self.eol()
            out += self.keyvals(self.r.randint(0, 4))
        if out.endswith(self.newline) and self.r.random() < 0.2:
            out = out[: -len(self.newline)]
        return out


# ---------------------------------------------------------------- edge values and snippets

EDGE_VALUES = [
    # integers
    "0", "+0", "-0", "01", "-01", "+01", "00", "0_0", "1__0", "_1", "1_", "1_000", "+1_000", "1a",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
    "0x", "0x_1", "0x1_", "0xG", "0xDEAD_beef", "0X1", "+0x1", "-0x1", "0x7fffffffffffffff",
    "0x8000000000000000", "0o", "0o8", "0o17", "0O7", "0b", "0b2", "0b1_0", "0b_1", "0x00ff",
    "0o0000", "0b0001", "1 2", "1,", "0.", "0e", "1-2", "1+2", "99999999999999999999999",
    # floats
    "1.", ".1", "-.1", "1.e5", "1e", "1e+", "1e_5", "1e5_", "1_e5", "1._5", "1.5_", "1.5.", "1.2.3",
    "1e5e5", "1e05", "1e-05", "1E+5", "0.0", "-0.0", "00.1", "0.1e", "3.14e-1_0", "1e1.5",
    "inf", "+inf", "-inf", "nan", "+nan", "-nan", "Inf", "NaN", "infinity", "inf_", "nan1", "in", "na",
    "1e400", "-1e400", "1e-400", "0x1.8p1", "1__0.0", "0_1.0", "1.0_", "1.0__1",
    # booleans
    "true", "false", "True", "FALSE", "tru", "truee", "true1", "falsey", "t",
    # strings
    '""', "''", '"\\q"', '"\\x41"', '"\\u12"', '"\\u123g"', '"\\uD800"', '"\\uDFFF"', '"\\U00110000"',
    '"\\U0010FFFF"', '"\\UFFFFFFFF"', '"\\u0000"', '"\\e"', '"a\\ b"', '"\\\n"', '"abc', "'abc",
    "'a\\b'", '"tab\there"', "'tab\there'", '"\x01"', "'\x01'", '"\x7f"', '"\x1f"', '"a\rb"',
    '"""a"""', '"""a""""', '"""a"""""', '"""a""""""', "'''a'''", "'''a''''", "'''a'''''", "'''a''''''",
    '"""\na"""', '"""\r\na"""', '"""\n\na"""', "'''\na'''", '"""a\\\n   b"""', '"""a\\   \n  \n b"""',
    '"""a\\ b"""', '"""a\\\tb"""', '"""\\\n"""', '""""""', "''''''", '"""""""', '""""""""',
    '"""a\x01"""', "'''a\x7f'''", '"""a\rb"""', "'''a\rb'''", '"""a\r\nb"""', "'''a\r\nb'''",
    '"""\\\r\n  x"""', '"""\\"""', '"""\\\\"""', '"""""\\"""', '"""\\u00e9\\U0001f600"""',
    '"""unterminated', "'''unterminated", '"\\', '"""a\\', "'é'", '"\\u00E9"',
    # dates and times
    "1979-05-27", "1979-05-27T07:32:00", "1979-05-27t07:32:00", "1979-05-27 07:32:00",
    "1979-05-27T07:32:00Z", "1979-05-27T07:32:00z", "1979-05-27T07:32:00+09:00", "1979-05-27T07:32:00-07:30",
    "1979-05-27T07:32:00.999999", "1979-05-27T07:32:00.9999999999", "1979-05-27T07:32:00.1Z",
    "07:32:00", "00:00:00", "23:59:59", "23:59:59.999999999", "07:32:00.", "07:32", "7:32:00", "07:32:0",
    "24:00:00", "12:60:00", "12:00:60", "12:00:61", "99:00:00", "07:32:00Z", "07:32:00+01:00",
    "1979-05-27T07:32", "1979-05-27T", "1979-05-27T07:32:00+24:00", "1979-05-27T07:32:00+09:60",
    "1979-05-27T07:32:00+9:00", "1979-05-27T07:32:00+0900", "1979-05-27T07:32:00.Z",
    "2000-02-29", "2004-02-29", "1900-02-29", "2100-02-29", "2400-02-29", "2023-02-29", "2024-02-30",
    "2023-04-31", "2023-04-30", "2023-13-01", "2023-00-01", "2023-01-00", "2023-01-32", "0000-01-01",
    "0001-01-01", "9999-12-31", "979-05-27", "19790-05-27", "1979-5-27", "1979-05-7", "1979/05/27",
    "1979-05-27 ", "1979-05-27 07:32", "1979-05-27  07:32:00", "1979-05-27_07:32:00", "+1979-05-27",
    "1979-05-27T07:32:00Zx", "1979-05-27x", "2023-06-15T12:00:00.123456789+05:45",
    # arrays and inline tables
    "[]", "[ ]", "[,]", "[1,]", "[1,,]", "[1,,2]", "[1 2]", "[\n1,\n2,\n]", "[ # c\n 1 # d\n , 2 ]",
    "[[]]", "[[1], [\"a\"], {}]", "[1, 'a', 1.5, true, 1979-05-27, [2], {x = 1}]", "[", "[1", "]",
    "{}", "{ }", "{a=1}", "{ a = 1 , b = 2 }", "{a=1,}", "{,}", "{a=1 b=2}", "{a=1\n}", "{\na=1}",
    "{a.b=1, a.c=2}", "{a.b=1, a={}}", "{a={}, a.b=1}", "{a=1, a=2}", "{a={b=1}}", "{a=[1,\n2]}",
    '{a="""x\ny"""}', "{a = {b = {c = {}}}}", "{a=1,,b=2}", "{ = 1}", "{a}", "{a=}", "{a=1",
    "[{a=1},{a=2}]", "[ {a.b.c=1} ]",
    # other
    "", "=", "#", "x", "@", "\u00e9", "\ufeff1",
]

SNIPPETS = [
    # tables and redefinition rules (valid and invalid, tomllib decides)
    "[a]\n[a]\n", "[a]\nb=1\n[a]\nc=2\n", "[a.b]\n[a]\n", "[a]\n[a.b]\n[a]\n", "[a.b]\nx=1\n[a.b]\n",
    "a=1\n[a]\n", "[a]\nb=1\n[a.b]\n", "a.b=1\n[a]\n", "a.b=1\n[a.b]\n", "a.b=1\n[a.c]\n",
    "[fruit]\napple.color='red'\napple.taste.sweet=true\n[fruit.apple]\n",
    "[fruit]\napple.color='red'\napple.taste.sweet=true\n[fruit.apple.taste]\n",
    "[fruit]\napple.color='red'\napple.taste.sweet=true\n[fruit.apple.texture]\nsmooth=true\n",
    "[a.b.c]\nz=9\n[a]\nb.c.t=1\n", "[a.b.c.d]\nz=9\n[a]\nb.c.d.k.t=1\n", "[a.b.c]\n[a]\nb.x=1\n",
    "[a.b.c]\n[a]\nb.x=1\n[a.b]\n", "[a.b.c]\n[a]\nb.x=1\n[a.b.d]\n",
    "[[a]]\n[[a]]\n", "[[a]]\n[a]\n", "[a]\n[[a]]\n", "a=[]\n[[a]]\n", "a=[1]\n[[a]]\n", "a={}\n[[a]]\n",
    "[[a]]\nx=1\n[a.b]\ny=2\n[[a]]\n[a.b]\n", "[[a]]\n[a.b]\n[a.b]\n", "[[a.b]]\n[a]\n", "[[a.b]]\n[a]\nb.c=1\n",
    "[[a]]\nb.c=1\n[[a]]\nb.c=2\n", "[[a]]\n[[a.b]]\n[[a.b]]\n[[a]]\n[[a.b]]\n", "[[a]]\n[[a.b]]\n[a.b.c]\n",
    "[a]\nb={}\n[a.b]\n", "[a]\nb={c=1}\n[a.b.d]\n", "a={b=1}\na.c=2\n", "a={}\na.b=1\n", "a={b={}}\n[a.b.c]\n",
    "a=[{b=1}]\n[a.c]\n", "a.b.c=1\na.b.d=2\na.e=3\n", "a.b=1\na.b.c=2\n", "a.b.c=1\na.b=2\n",
    "a=1\na=2\n", "a=1\n'a'=2\n", "a=1\n\"a\"=2\n", "\"\"=1\n''=2\n", "\"\u00e9\"=1\n\"e\u0301\"=2\n",
    "a.'b'.\"c\"=1\n[a.b]\n", "[a]\nb.c=1\n[a]\n", "[ a . b ]\n[a]\n", "[a . 'b' . \"c\"]\nx=1\n",
    "[a]\n[b]\n[a.c]\n", "[[a]]\n[b]\n[a.c]\n", "[a.b]\nc=1\n[a.b.c]\n", "[[a]]\nb=1\n[a.b]\n",
    "[a]b=1\n", "[a] # c\nb=1\n", "[a]x\n", "[a\n", "[]\n", "[a.]\n", "[.a]\n", "[a..b]\n", "[ [a]]\n",
    "[[a] ]\n", "[[a]]]\n", "[[ a ]]\n", "[[ a . b ]]\n", "[\"a\".'b']\n", "[\"\"]\n", "['']\n",
    "[a.\"\"]\n", "[a b]\n", "[a]\n[b]\n[a]\n", "a.b=1\nb.a=2\na.c=3\n",
    # keys
    "a b=1\n", "a = 1 b = 2\n", "=1\n", "a=\n", "a\n", "a==1\n", "\"a\nb\"=1\n", "\"\"\"a\"\"\"=1\n",
    "'''a'''=1\n", "a.=1\n", ".a=1\n", "a..b=1\n", "a . b . c = 1\n", "\"a.b\"=1\n", "1.2=3\n",
    "1979-05-27=1\n", "true=1\n", "inf=1\nnan=2\n", "-=1\n_=2\n", "a\t.\tb\t=\t1\n", "é=1\n", "a\u00a0=1\n",
    # whitespace, newlines, comments
    "a=1", "a=1\r\n", "a=1\rb=2\n", "a=1\r", "#c\r\n", "#c\r", "# \x00\n", "# \x7f\n", "# \x1f\n",
    "# \t\n", "a=1 # c\x01\n", "\n\n\na=1\n\n", "  \t a = 1  \t\n", "a=1#c\n", "a=1 #c\r\nb=2",
    "\ufeffa=1\n", "\ufeff\ufeffa=1\n", "a=1\n\ufeff\n", "a='\ufeff'\n", "\x00", "a=1\x00\n",
    "a = [\r\n1,\r\n2\r\n]\r\n", "a = [1,\r2]\n", "a=\"\"\"x\ry\"\"\"\n",
]

BAD_BYTES = [
    b'a = "\xff"\n', b'a = "\xc0\xaf"\n', b'a = "\xed\xa0\x80"\n', b'a = "\xf4\x90\x80\x80"\n',
    b'# \xe9\n', b'a = "\xe9"\n', b'\xef\xbb\xbfa = 1\n', b'a = "\xf0\x9f\x98"\n', b'a = 1\n\xff = 2\n',
    b'a = "\xe6\x97\xa5\xe6\x9c\xac"\n',
]


def collide(rng):
    """A short document over the keys a, b, c: headers, dotted keys, inline tables and arrays
    colliding in every way, to exercise the redefinition rules."""
    path = lambda: rng.choice([".", " . "]).join(rng.choice("abc") for _ in range(rng.randint(1, 3)))
    lines = []
    for _ in range(rng.randint(1, 7)):
        kind = rng.random()
        if kind < 0.25:
            lines.append("[" + path() + "]")
        elif kind < 0.45:
            lines.append("[[" + path() + "]]")
        else:
            lines.append(path() + " = " + rng.choice(["1", "{}", "{x = 1}", "{c.d = 1}", "[]", "[{}]", "'s'"]))
    return "\n".join(lines) + "\n"


def mutate(rng, doc):
    kind = rng.random()
    lines = doc.split("\n")
    if kind < 0.15 and len(lines) > 1:  # duplicate a line (duplicate keys and headers)
        i = rng.randrange(len(lines))
        j = rng.randrange(len(lines) + 1)
        lines.insert(j, lines[i])
        return "\n".join(lines)
    if kind < 0.3:  # replace a value with an edge value
        spots = [i for i, line in enumerate(lines) if "=" in line and not line.lstrip().startswith("#")]
        if spots:
            i = rng.choice(spots)
            key = lines[i].split("=", 1)[0]
            lines[i] = key + "= " + rng.choice(EDGE_VALUES)
            return "\n".join(lines)
    if kind < 0.45:  # insert a control character or a bare CR
        pos = rng.randrange(len(doc) + 1)
        return doc[:pos] + rng.choice(["\x00", "\x01", "\x7f", "\r", "\x0b", "\x0c", "\x1b", "\t", "\u0085"]) + doc[pos:]
    if kind < 0.6 and doc:  # delete a character
        pos = rng.randrange(len(doc))
        return doc[:pos] + doc[pos + 1:]
    if kind < 0.8:  # insert a structural character
        pos = rng.randrange(len(doc) + 1)
        return doc[:pos] + rng.choice(list("=[]{}.,\"'#\n \t\\_+-:0eTZ")) + doc[pos:]
    if kind < 0.9 and len(lines) > 2:  # move a line (headers before keys, keys after headers)
        line = lines.pop(rng.randrange(len(lines)))
        lines.insert(rng.randrange(len(lines) + 1), line)
        return "\n".join(lines)
    # append a redefinition snippet
    return doc + ("\n" if doc and not doc.endswith("\n") else "") + rng.choice(SNIPPETS)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    outdir = args.pop(0)
    seed, count, files = 20261122, 1200, []
    while args:
        arg = args.pop(0)
        if arg == "--seed":
            seed = int(args.pop(0))
        elif arg == "--count":
            count = int(args.pop(0))
        else:
            files.append(arg)
    rng = random.Random(seed)
    gen = Gen(rng)
    cases = []  # (name, bytes)
    for i in range(count):
        cases.append((f"valid-{i}", gen.document().encode()))
    for i in range(count):
        base = gen.document()
        cases.append((f"mutant-{i}", mutate(rng, base).encode()))
    for i in range(count // 2):
        cases.append((f"collide-{i}", collide(rng).encode()))
    for i, value in enumerate(EDGE_VALUES):
        gen.newline = "\n"
        cases.append((f"edge-{i}", f"x = {value}\n".encode()))
        cases.append((f"edge-array-{i}", f"x = [ {value} ]\n".encode()))
        cases.append((f"edge-inline-{i}", f"x = {{ y = {value} }}\n".encode()))
        cases.append((f"edge-eof-{i}", f"x={value}".encode()))
    for i, snippet in enumerate(SNIPPETS):
        cases.append((f"snippet-{i}", snippet.encode()))
    for i, data in enumerate(BAD_BYTES):
        cases.append((f"bytes-{i}", data))
    for i, path in enumerate(files):
        with open(path, "rb") as f:
            cases.append((f"real-{i}", f.read()))
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "manifest.txt"), "w", encoding="ascii") as manifest:
        for name, data in cases:
            with open(os.path.join(outdir, name + ".toml"), "wb") as f:
                f.write(data)
            manifest.write(name + "\t" + expected(data) + "\n")


if __name__ == "__main__":
    main()
