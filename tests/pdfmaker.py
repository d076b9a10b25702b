"""Small PDFs built byte by byte for tests of hostile input (no PDF library decides their shape)."""

from __future__ import annotations

import zlib
from pathlib import Path

# Spaces compress about 1000:1, so a bomb of hundreds of MB is a file of a few hundred kB.
CHUNK = b" " * (1 << 20)


def deflated_spaces(megabytes: int) -> bytes:
    """`megabytes` MiB of spaces, deflated chunk by chunk so the test never holds them inflated."""
    packer = zlib.compressobj(9)
    parts = [packer.compress(CHUNK) for _ in range(megabytes)]
    return b"".join(parts) + packer.flush()


def one_page_pdf(path: Path, content: bytes, flate: bool = False) -> Path:
    """A one-page PDF whose page content stream holds `content` (already deflated when `flate`)."""
    filt = b" /Filter /FlateDecode" if flate else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(content), filt) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def text_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page PDF that prints `lines` in Helvetica, 14pt apart from the top."""
    ops = [b"BT /F1 11 Tf 14 TL 72 770 Td"]
    ops += [b"(" + line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b") '" for line in lines]
    ops.append(b"ET")
    return one_page_pdf(path, b"\n".join(ops))
