#!/usr/bin/env python3
"""A second verifier of PreferenceCenter's ledger, written from its specification alone (docs/features/ledger.md,
"The format"), sharing no code with the app. Python 3, standard library only.

    python3 tools/verify_ledger.py PATH/TO/preferencecenter.db [--anchor N:HASH]

Exit codes as the app's verify-ledger: 0 verified (prints the head), 1 a forgery (names the first bad entry),
2 usage, 3 the database cannot be read. The database is opened read-only."""
import hashlib
import pathlib
import re
import sqlite3
import sys

TABLE = "LedgerEntries"
GENESIS = "0" * 64
# (canonical field, column, kind, nullable) in the canonical form's order; Hash is the last column, not a field.
FIELDS = [
    ("seq", "Sequence", "int64", False), ("at", "OccurredAt", "int64", False), ("type", "EventType", "int32", False),
    ("actorKind", "ActorKind", "int32", False), ("actorId", "ActorId", "text", False),
    ("subject", "SubjectId", "guid", True), ("source", "Source", "int32", False),
    ("requestChannel", "RequestChannel", "text", True), ("reason", "Reason", "text", True),
    ("notice", "NoticeVersion", "int32", True), ("purpose", "PurposeKey", "text", True),
    ("channel", "Channel", "int32", True), ("before", "Before", "text", True), ("after", "After", "text", True),
    ("detail", "Detail", "text", True), ("prev", "PreviousHash", "hash", False),
]
COLUMNS = [f[1] for f in FIELDS] + ["Hash"]
RANGES = {"int32": (-2**31, 2**31 - 1), "int64": (-2**63, 2**63 - 1)}
MILLISECONDS = (-62135596800000, 253402300799999)  # what a .NET DateTimeOffset holds
GUID = re.compile(r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\Z")
HASH = re.compile(r"[0-9a-f]{64}\Z")
SHORT_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", "\\": "\\\\"}


def json_string(text):
    """A JSON string escaped as .NET's Utf8JsonWriter does by default: printable ASCII as is, except " & ' + < > `;
    short escapes for \\b \\t \\n \\f \\r and the backslash; everything else as \\uXXXX (upper-case hex), characters
    beyond U+FFFF as their UTF-16 surrogate pair."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in SHORT_ESCAPES:
            out.append(SHORT_ESCAPES[ch])
        elif 0x20 <= code <= 0x7E and ch not in "\"&'+<>`":
            out.append(ch)
        elif code > 0xFFFF:
            code -= 0x10000
            out.append("\\u%04X\\u%04X" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
        else:
            out.append("\\u%04X" % code)
    return '"' + "".join(out) + '"'


def parse(column, kind, nullable, storage, value):
    """The value the hash covers, or raises ValueError if it is not stored exactly as the app's writer stores it."""
    if storage == "null":
        if nullable:
            return None
        raise ValueError(f"its {column} is empty (NULL)")
    if kind in RANGES:
        low, high = MILLISECONDS if column == "OccurredAt" else RANGES[kind]
        if storage != "integer" or not low <= value <= high:
            raise ValueError(f"its {column} is not stored as the writer stores it ({storage})")
        return value
    if storage != "text":
        raise ValueError(f"its {column} is stored as {storage}, not text")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"its {column} is not valid UTF-8 text") from None
    if (kind == "guid" and not GUID.match(text)) or (kind == "hash" and not HASH.match(text)):
        raise ValueError(f"its {column} is not in the writer's form")
    return text


def canonical(values):
    parts = ['"v":1']
    for (field, _, kind, _), value in zip(FIELDS, values):
        if kind == "guid" and value is not None:
            value = value.lower()  # stored in upper case, hashed in lower case
        encoded = "null" if value is None else str(value) if kind in RANGES else json_string(value)
        parts.append(f'"{field}":{encoded}')
    return ("{" + ",".join(parts) + "}").encode("ascii")


def verify(connection, anchor):
    """Returns (exit code, message)."""
    columns = [row[0] for row in connection.execute(f"SELECT name FROM pragma_table_xinfo('{TABLE}')")]
    if not columns:
        return 3, f"the database has no {TABLE} table"
    if sorted(columns) != sorted(COLUMNS):
        return 1, f"the {TABLE} table's columns are not {', '.join(COLUMNS)}"
    integrity = [row[0] for row in connection.execute(f"PRAGMA integrity_check('{TABLE}')")]
    if integrity != ["ok"]:
        return 3, f"the {TABLE} table or its index is damaged ({integrity[0]})"
    total = connection.execute(f'SELECT count(*) FROM "{TABLE}"').fetchone()[0]
    select = ", ".join(f'typeof("{c}"), "{c}"' for c in COLUMNS)
    expected, previous, checked = 1, GENESIS, 0
    connection.text_factory = bytes  # text exactly as stored, decoded strictly in parse()
    for row in connection.execute(f'SELECT {select} FROM "{TABLE}" ORDER BY "Sequence"'):
        sequence = row[1]
        if sequence < 1:
            return 1, f"FAILED at entry {sequence}: it is outside the chain, which starts at 1"
        if sequence != expected:
            return 1, f"FAILED at entry {sequence}: entry {expected} is missing"
        try:
            values = [parse(column, kind, nullable, row[2 * i].decode(), row[2 * i + 1]) for i, (_, column, kind, nullable) in enumerate(FIELDS)]
            stored_hash = parse("Hash", "hash", False, row[-2].decode(), row[-1])
        except ValueError as problem:
            return 1, f"FAILED at entry {sequence}: {problem}"
        if values[-1] != previous:
            return 1, f"FAILED at entry {sequence}: its previous-hash does not match the entry before it"
        if hashlib.sha256(canonical(values)).hexdigest() != stored_hash:
            return 1, f"FAILED at entry {sequence}: its content does not match its hash"
        if anchor and anchor[0] == sequence and anchor[1] != stored_hash:
            return 1, f"FAILED at entry {sequence}: it does not match the anchor"
        expected, previous, checked = expected + 1, stored_hash, checked + 1
    if checked != total:
        return 1, f"the table holds {total} rows but {checked} were read in sequence order"
    if anchor and anchor[0] > checked:
        return 1, f"FAILED at entry {anchor[0]}: the ledger ends at entry {checked}, before the anchored entry"
    head = f"\nHead: {checked}:{previous}" if checked else ""
    return 0, f"Ledger verified: all {checked} entries are intact.{head}"


def main(args):
    anchor = None
    if len(args) == 3 and args[1] == "--anchor" and re.fullmatch(r"[1-9][0-9]{0,17}:[0-9a-fA-F]{64}", args[2]):
        number, digest = args[2].split(":")
        anchor = (int(number), digest.lower())
    elif len(args) != 1:
        print("Usage: verify_ledger.py DATABASE [--anchor N:HASH]")
        return 2
    try:
        uri = pathlib.Path(args[0]).resolve().as_uri() + "?mode=ro"
        connection = sqlite3.connect(uri, uri=True)
        try:
            code, message = verify(connection, anchor)
        finally:
            connection.close()
    except sqlite3.Error as error:
        code, message = 3, f"the database cannot be read ({error})"
    print(message if code == 0 else f"Ledger verification {message}" if message.startswith("FAILED") else f"Ledger verification FAILED: {message}")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
