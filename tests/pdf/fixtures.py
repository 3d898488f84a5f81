#!/usr/bin/env python3
"""Writes the layout fixtures: each a brief as plain text (NAME.txt, the layout dyad reads
directly) and the same brief typeset as a flat OpenDocument text (NAME.fodt) with a real layout
— a running header and page numbers, table cells that wrap, date cells centred vertically, a
table over a page break with its header row repeated, a statements table with quotation lines, two columns, footnotes. LibreOffice
renders each .fodt to PDF (tests/pdf/libreoffice.sh); dyad must code the PDF to the events of the
text.

usage: fixtures.py OUTDIR
"""
import os
import sys
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')

STYLES = '''<office:font-face-decls>
<style:font-face style:name="NanumGothic" svg:font-family="NanumGothic" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:text-properties style:font-name="NanumGothic" style:font-name-asian="NanumGothic" fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>
</style:default-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/></style:page-layout>
<style:style style:name="Top" style:family="table-cell"><style:table-cell-properties style:vertical-align="top" fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
<style:style style:name="Bottom" style:family="table-cell"><style:table-cell-properties style:vertical-align="bottom" fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
<style:style style:name="Mid" style:family="table-cell"><style:table-cell-properties style:vertical-align="middle" fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>
<style:style style:name="ColA" style:family="table-column"><style:table-column-properties style:column-width="2.6cm"/></style:style>
<style:style style:name="ColB" style:family="table-column"><style:table-column-properties style:column-width="13.4cm"/></style:style>
<style:style style:name="Two" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="1cm"/></style:section-properties></style:style>
<style:style style:name="Break" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">
<style:header><text:p>이슈브리프</text:p></style:header>
<style:footer><text:p>- <text:page-number text:select-page="current">1</text:page-number> -</text:p></style:footer>
</style:master-page></office:master-styles>
'''


def p(text, style=None):
    s = f' text:style-name="{style}"' if style else ''
    return f'<text:p{s}>{escape(text)}</text:p>'


def table(rows, cell_style, header=True, quotes=None):
    """rows: (date, content) pairs; quotes: {row index: [quotation lines]} set under the row's
    content in the same cell, as a statements table does."""
    quotes = quotes or {}
    out = ['<table:table table:name="T" table:style-name="Tbl">',
           '<table:table-column table:style-name="ColA"/><table:table-column table:style-name="ColB"/>']
    if header:
        out.append('<table:table-header-rows><table:table-row>'
                   f'<table:table-cell table:style-name="{cell_style}">{p("날짜")}</table:table-cell>'
                   f'<table:table-cell table:style-name="{cell_style}">{p("내용")}</table:table-cell>'
                   '</table:table-row></table:table-header-rows>')
    for i, (date, content) in enumerate(rows):
        body = p(content) + ''.join(p(f'- “{q}”') for q in quotes.get(i, []))
        out.append('<table:table-row>'
                   f'<table:table-cell table:style-name="{cell_style}">{p(date)}</table:table-cell>'
                   f'<table:table-cell table:style-name="{cell_style}">{body}</table:table-cell>'
                   '</table:table-row>')
    out.append('</table:table>')
    return ''.join(out)


def document(body):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">' + STYLES +
            f'<office:body><office:text>{body}</office:text></office:body></office:document>\n')


INTRO = ('2024년 북한과 러시아의 관계는 정상 간 교류를 중심으로 빠르게 가까워졌다. '
         '최선희 외무상은 1월 16일 모스크바에서 세르게이 라브로프 외무장관과 회담했다.')

# Rows of a chronology table, short and long: long content wraps to two, three or four lines.
ROWS = [
    ('1/14~1/17', '최선희 외무상 방러, 라브로프 외무장관과 회담 및 푸틴 대통령 예방(1/16)'),
    ('3/26', '나리시킨 대외정보국 국장 방북, 리창대 국가보위상과 회담하고 정보 분야 협력 방안을 '
             '논의하였으며 양측은 정보기관 간 교류를 정례화하기로 합의'),
    ('6/12', '김정은 국무위원장, 푸틴 대통령에 러시아의 날 축전 전달'),
    ('6/19', '푸틴 대통령 방북, 김정은 국무위원장과 정상회담 개최 및 포괄적 전략적 동반자 관계에 관한 '
             '조약 체결, 양 정상은 공동 기자회견을 통해 관계 격상을 선언하고 유사시 상호 지원을 '
             '약속하였으며 경제와 교육, 보건 분야의 협력 확대에도 합의함'),
    ('7/10', '최선희 외무상, 라브로프 외무장관에 축전 전달'),
    ('9/13', '쇼이구 안보회의 서기 방북, 김정은 국무위원장 예방 및 양국 간 안보 협력 강화 방안 논의'),
    ('10/31~11/4', '최선희 외무상 방러, 라브로프 외무장관과 전략대화 개최 및 푸틴 대통령 예방, '
                   '양측은 조약 이행 점검과 국제 정세에 대한 공동 대응 방안을 협의'),
    ('11/16', '코즐로프 천연자원환경부 장관 방북, 정부간 위원회 회의 개최 및 경제 협력 의정서 서명'),
]
TITLE = '표 1. 2024년 북러 교류 주요일지'

STATEMENT_ROWS = [
    ('3/7', '김여정 노동당 부부장 담화, 한미 연합훈련 비난:'),
    ('6/24', '북한 외무성 대변인 담화, 미 항공모함의 부산 입항 규탄:'),
    ('8/19', '북한 국방성 대변인 담화, 한미 을지 자유의 방패 연합연습 비난:'),
]
STATEMENT_QUOTES = {
    0: ['무모한 군사적 시위는 대가를 치르게 될 것'],
    1: ['조선반도 정세를 격화시키는 위험한 군사적 도발', '우리는 단호히 대응할 것'],
    2: ['침략 전쟁 연습'],
}
STATEMENT_TITLE = '표 2. 2024년 북한 주요 성명'

NARRATIVE = [
    '푸틴 대통령은 6월 19일 평양을 방문하여 김정은 국무위원장과 정상회담을 가졌다. '
    '양 정상은 같은 날 포괄적 전략적 동반자 관계에 관한 조약에 서명했다.',
    '쇼이구 안보회의 서기는 9월 13일 평양에 도착해 김정은 국무위원장을 예방했다. '
    '그는 양국 간 안보 협력을 강화하는 방안을 논의했다.',
    '최선희 외무상은 10월 31일 모스크바를 방문했다. 그는 11월 1일 라브로프 외무장관과 '
    '전략대화를 가졌다.',
    '한편 한미일 외교장관은 11월 16일 공동성명을 내고 북한의 러시아 파병을 규탄했다.',
    '코즐로프 천연자원환경부 장관은 11월 16일 평양을 방문했다. 그는 같은 날 정부간 위원회 '
    '회의를 열고 경제 협력 의정서에 서명했다.',
]


def text_table(title, rows, quotes=None):
    quotes = quotes or {}
    lines = [title, '날짜 내용']
    for i, (d, c) in enumerate(rows):
        lines.append(f'{d} {c}')
        lines += [f'- “{q}”' for q in quotes.get(i, [])]
    return '\n'.join(lines)


def fixtures():
    narrative_text = '\n\n'.join(NARRATIVE)
    filler = ('양국 관계의 흐름은 국제 정세와 맞물려 있다. ' * 12).strip()
    yield ('table-top',
           document(p(INTRO) + p(TITLE) + table(ROWS, 'Top')),
           INTRO + '\n\n' + text_table(TITLE, ROWS) + '\n')
    yield ('table-centred',
           document(p(INTRO) + p(TITLE) + table(ROWS, 'Mid')),
           INTRO + '\n\n' + text_table(TITLE, ROWS) + '\n')
    yield ('table-bottom',
           document(p(INTRO) + p(TITLE) + table(ROWS, 'Bottom')),
           INTRO + '\n\n' + text_table(TITLE, ROWS) + '\n')
    # Enough prose before the table that it runs over the page break, where the header row is
    # repeated.
    pre = ''.join(p(filler) for _ in range(9))
    yield ('table-page-break',
           document(p(INTRO) + pre + p(TITLE) + table(ROWS * 3, 'Mid')),
           INTRO + '\n\n' + '\n\n'.join([filler] * 9) + '\n\n' + text_table(TITLE, ROWS * 3) + '\n')
    yield ('statement-table',
           document(p(INTRO) + p(STATEMENT_TITLE) +
                    table(STATEMENT_ROWS, 'Top', quotes=STATEMENT_QUOTES)),
           INTRO + '\n\n' + text_table(STATEMENT_TITLE, STATEMENT_ROWS, STATEMENT_QUOTES) + '\n')
    yield ('two-columns',
           document('<text:section text:style-name="Two" text:name="S">' +
                    ''.join(p(x) for x in [INTRO] + NARRATIVE + [filler] * 3) + '</text:section>'),
           INTRO + '\n\n' + narrative_text + '\n\n' + '\n\n'.join([filler] * 3) + '\n')
    # Footnotes, and a paragraph that runs over a page break with the footnotes between.
    notes = ['조선중앙통신, 2024년 6월 20일.', '러시아 외무부 발표문, 2024년 11월 1일.']
    marked = [NARRATIVE[0].replace('가졌다.', '가졌다.<text:note text:note-class="footnote">'
                                   '<text:note-citation>1</text:note-citation><text:note-body>' +
                                   p(notes[0]) + '</text:note-body></text:note>', 1)]
    body = ''.join(p(filler) for _ in range(10))
    body += '<text:p>' + escape(INTRO) + '</text:p>'
    body += '<text:p>' + marked[0].replace('&', '&amp;') + '</text:p>'
    body += ''.join(p(x) for x in NARRATIVE[1:])
    yield ('footnotes', document(body),
           '\n\n'.join([filler] * 10 + [INTRO] + NARRATIVE) + '\n')


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, fodt, txt in fixtures():
        for ext, content in (('fodt', fodt), ('txt', txt)):
            path = os.path.join(out, f'{name}.{ext}')
            old = open(path, encoding='utf-8').read() if os.path.exists(path) else None
            if old != content:  # unchanged files keep their time, so their PDFs stay cached
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(content)


if __name__ == '__main__':
    main()
