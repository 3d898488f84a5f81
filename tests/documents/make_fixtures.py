#!/usr/bin/env python3
"""Writes the word-processor and web fixtures of tests/cli/documents.sh into DIR: a DOCX and an
HWPX holding a narrative paragraph and a chronology table, an HTML news page whose menu, header
and footer tell events that are not the article's, a page with no main text, and a file in the
legacy Hangul binary format. Built with the standard library only (zipfile), part by part."""
import sys
import zipfile
from pathlib import Path

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)

PARA = "2024년 6월 19일 푸틴 대통령은 평양을 방문하여 김정은 국무위원장과 정상회담을 가졌다."
TITLE = "표 1. 2024년 북러 교류 주요일지"
ROWS = [("날짜", "내용"),
        ("6/12", "김정은, 푸틴에 러시아의 날 축전 전달"),
        ("10/7", "김정은, 푸틴에 생일 축전 전달")]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---- DOCX: word/document.xml with w:p paragraphs and a w:tbl ----
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def wp(text, split=False):
    # Runs split mid-word, as Word writes them after an edit.
    if split and len(text) > 6:
        runs = [text[:5], text[5:]]
    else:
        runs = [text]
    return "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>" + "".join(
        f'<w:r><w:t xml:space="preserve">{esc(r)}</w:t></w:r>' for r in runs) + "</w:p>"


def wtbl(rows):
    cells = lambda r: "".join(f"<w:tc><w:tcPr/>{wp(c)}</w:tc>" for c in r)
    return "<w:tbl>" + "".join(f"<w:tr>{cells(r)}</w:tr>" for r in rows) + "</w:tbl>"


body = wp(PARA, split=True) + wp(TITLE) + wtbl(ROWS) + \
    "<w:p><w:r><w:delText>2024년 1월 1일 미국은 북한을 공격했다.</w:delText></w:r></w:p>"
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>'
with zipfile.ZipFile(out / "brief.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("word/document.xml", document)

# ---- HWPX: Contents/section0.xml with hp:p / hp:run / hp:t and an hp:tbl ----
HP = 'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"'


def hp(text):
    return f'<hp:p><hp:run charPrIDRef="0"><hp:t>{esc(text)}</hp:t></hp:run></hp:p>'


def htbl(rows):
    cells = lambda r: "".join(f'<hp:tc><hp:subList>{hp(c)}</hp:subList></hp:tc>' for c in r)
    return '<hp:p><hp:run><hp:tbl rowCnt="3" colCnt="2">' + "".join(
        f"<hp:tr>{cells(r)}</hp:tr>" for r in rows) + "</hp:tbl></hp:run></hp:p>"


section0 = f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {HP}>{hp(PARA)}{hp(TITLE)}</hs:sec>'
section1 = f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {HP}>{htbl(ROWS)}</hs:sec>'
with zipfile.ZipFile(out / "brief.hwpx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("mimetype", "application/hwp+zip", compress_type=zipfile.ZIP_STORED)
    z.writestr("Contents/section0.xml", section0)
    z.writestr("Contents/section1.xml", section1)

# ---- HTML: a news page; its menu, header and footer name other events ----
html = f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8">
<title>북러 정상회담 - 뉴스</title>
<meta property="article:published_time" content="2024-06-20T09:33:00+09:00">
<script>var x = "2024년 1월 1일 중국은 미국을 비난했다.";</script>
<style>p {{ color: red }}</style></head>
<body>
<header><div class="logo">뉴스</div><nav><ul>
<li><a href="/1">2024년 3월 3일 일본은 중국에 항의했다.</a></li>
<li><a href="/2">정치</a></li><li><a href="/3">국제</a></li></ul></nav></header>
<main><article>
<h1>푸틴, 24년 만에 방북</h1>
<p>{PARA}</p>
<p>두 정상은 이날 ‘포괄적인 전략적 동반자 관계에 관한 조약’에 서명했다. 러시아 대통령의 방북은 2000년 이후 처음이다.</p>
<p>김정은 위원장은 회담에서 러시아의 특별군사작전을 전적으로 지지한다고 밝혔다.</p>
</article>
<aside><h2>많이 본 뉴스</h2><ul><li><a href="/4">2024년 5월 5일 한국은 일본과 회담했다.</a></li></ul></aside>
</main>
<footer><p>2024년 2월 2일 미국은 북한을 비난했다. Copyright 뉴스</p></footer>
</body></html>
"""
(out / "news.html").write_text(html, encoding="utf-8")
(out / "menu-only.html").write_text(
    "<!DOCTYPE html><html><body><nav><a href='/'>홈</a><a href='/a'>정치</a></nav>"
    "<footer>Copyright</footer><script>document.write('x')</script></body></html>", encoding="utf-8")

# ---- legacy Hangul binary: an OLE2 compound file whose header names it ----
(out / "old.hwp").write_bytes(
    bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + b"HWP Document File" + b"\0" * 512)
