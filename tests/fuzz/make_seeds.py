#!/usr/bin/env python3
"""Writes the generated seeds of the DOCX and PDF fuzz targets (corpus/docx, corpus/pdf).

The other seeds are cut by hand from data/sources and tests/data; these two formats are
binary, so their smallest useful examples are built here: a Word document with a heading, a
paragraph, a list and a table, and PDFs with plain and compressed text streams.
"""
import io
import os
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/'
    'document.xml"/></Relationships>')
BODY = (
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Gemeenschapswerker</w:t></w:r>'
    '</w:p><w:p><w:r><w:t xml:space="preserve">Je bouwt mee aan </w:t></w:r><w:r><w:rPr><w:b/>'
    '</w:rPr><w:t>een sterke buurt</w:t></w:r><w:r><w:tab/><w:t>en netwerken.</w:t></w:r></w:p>'
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>'
    'Organiseert activiteiten met bewoners</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>'
    'Profiel</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Je werkt graag samen.</w:t></w:r>'
    '</w:p></w:tc></w:tr></w:tbl>')
DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://'
    'schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + BODY +
    '<w:sectPr/></w:body></w:document>')


def docx(compression):
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', compression) as z:
        z.writestr('[Content_Types].xml', CONTENT_TYPES)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/document.xml', DOCUMENT)
    return out.getvalue()


def pdf(stream, compress):
    data = zlib.compress(stream) if compress else stream
    filt = ' /Filter /FlateDecode' if compress else ''
    objects = [
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R'
        b' >> >> /Contents 4 0 R >>',
        b'<< /Length ' + str(len(data)).encode() + filt.encode() + b' >>\nstream\n' + data +
        b'\nendstream',
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]
    out = b'%PDF-1.4\n'
    offsets = []
    for i, obj in enumerate(objects):
        offsets.append(len(out))
        out += str(i + 1).encode() + b' 0 obj\n' + obj + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 6\n0000000000 65535 f \n'
    for off in offsets:
        out += b'%010d 00000 n \n' % off
    out += b'trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n' + str(xref).encode() + b'\n%%EOF\n'
    return out


TEXT = (b'BT /F1 16 Tf 50 780 Td (Gemeenschapswerker) Tj ET\n'
        b'BT /F1 11 Tf 50 750 Td (Je bouwt mee aan een sterke buurt.) Tj ET\n'
        b'BT /F1 11 Tf 50 735 Td (- Organiseert activiteiten met bewoners) Tj ET\n'
        b'BT /F1 11 Tf 50 720 Td [(Werkt) -250 (samen)] TJ T* (met partners) Tj ET\n')


def write(path, data):
    with open(os.path.join(HERE, 'corpus', path), 'wb') as f:
        f.write(data)


if __name__ == '__main__':
    write('docx/stored.docx', docx(zipfile.ZIP_STORED))
    write('docx/deflated.docx', docx(zipfile.ZIP_DEFLATED))
    write('pdf/plain.pdf', pdf(TEXT, False))
    write('pdf/flate.pdf', pdf(TEXT, True))
