// The interface in Korean and English. Data (actors, chronology lines) comes from the API in the
// language asked; these are the words around it.
const STRINGS = {
  ko: {
    dyads: '관계 추이', network: '연결망', burden: '방위비 분담', documents: '문서',
    review: '검토', upload: '올리기', analyst: '검토자', side_a: '주체 A', side_b: '주체 B',
    add_dyad: '쌍 추가', by: '단위', month: '월', quarter: '분기', year: '연', week: '주',
    from: '부터', to: '까지', measure: '지표', events: '사건 수', tone: '논조 (Goldstein 평균)',
    show: '보기', chronology: '일지', copy_md: '마크다운 복사', copied: '복사했습니다',
    date: '날짜', content: '내용', sources: '출처', lang_data: '일지 언어',
    min_events: '최소 사건 수', states: '국가', bloc: '블록', edges: '연결', weight: '가중치',
    trend: '추세', betweenness: '매개 중심성', evidence: '근거', triangle: '삼각관계',
    balanced: '균형', unbalanced: '불균형', undetermined: '판단 불가 (연결 없음)',
    weakest: '가장 약한 연결', pledge: '공약', country: '국가', status_year: '기준 연도',
    doc_list: '문서 목록', select_event: '강조된 문장을 누르면 사건을 봅니다',
    code: '코드', source: '행위자', target: '대상', goldstein: 'Goldstein', mode: '양태',
    mentions: '언급', accept: '확인', reject: '삭제', edit: '수정', save: '저장', cancel: '취소',
    add_event: '누락된 사건 추가', uncoded: '코딩되지 못한 문장', reason: '사유',
    file: '파일', send: '올리기', uploaded: '저장됨', already: '이미 저장된 문서입니다',
    no_events: '사건이 없습니다', need_who: '검토자 이름을 먼저 적어 주세요',
    saved: '저장했습니다', level_shift: '수준 변화', tone_shift: '논조 변화',
    unga: '유엔 표결 일치도', with: '기준 국가', agreement: '일치도', votes: '표결 수',
    loading: '불러오는 중…', page: '쪽', next: '다음', prev: '이전', total: '전체',
  },
  en: {
    dyads: 'Dyads', network: 'Network', burden: 'Burden sharing', documents: 'Documents',
    review: 'Review', upload: 'Upload', analyst: 'Analyst', side_a: 'Side A', side_b: 'Side B',
    add_dyad: 'Add dyad', by: 'Period', month: 'month', quarter: 'quarter', year: 'year',
    week: 'week', from: 'From', to: 'To', measure: 'Measure', events: 'events',
    tone: 'tone (mean Goldstein)', show: 'Show', chronology: 'Chronology',
    copy_md: 'Copy as Markdown', copied: 'Copied', date: 'Date', content: 'Content',
    sources: 'Sources', lang_data: 'Chronology language', min_events: 'Min. events',
    states: 'States', bloc: 'Bloc', edges: 'Edges', weight: 'Weight', trend: 'Trend',
    betweenness: 'Betweenness', evidence: 'Evidence', triangle: 'Triangle',
    balanced: 'balanced', unbalanced: 'unbalanced', undetermined: 'undetermined (an edge is missing)',
    weakest: 'Weakest link', pledge: 'Pledge', country: 'Country', status_year: 'Year',
    doc_list: 'Documents', select_event: 'Click a highlighted sentence to see its event',
    code: 'Code', source: 'Source', target: 'Target', goldstein: 'Goldstein', mode: 'Mode',
    mentions: 'Mentions', accept: 'Accept', reject: 'Reject', edit: 'Edit', save: 'Save',
    cancel: 'Cancel', add_event: 'Add a missed event', uncoded: 'Sentences not coded',
    reason: 'Reason', file: 'File', send: 'Upload', uploaded: 'Stored',
    already: 'This document was stored before', no_events: 'No events',
    need_who: 'Type your name as analyst first', saved: 'Saved', level_shift: 'level shift',
    tone_shift: 'shift of tone', unga: 'UN vote agreement', with: 'With',
    agreement: 'Agreement', votes: 'Votes', loading: 'Loading…', page: 'page', next: 'Next',
    prev: 'Previous', total: 'total',
  },
};

let lang = localStorage.getItem('dyad.lang') || 'ko';

export function t(key) { return STRINGS[lang][key] ?? key; }
export function currentLang() { return lang; }
export function setLang(l) {
  lang = l;
  localStorage.setItem('dyad.lang', l);
  document.documentElement.lang = l;
}
// Fills every [data-t] element under `root` with its string.
export function translate(root = document) {
  for (const el of root.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
}
