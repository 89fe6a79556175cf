import { fillText, type Lang, langOf } from '@resonet/core';

// The bot's own words. English is the reference; the Vietnamese catalogue has the same keys
// (the type says so, and a test checks that no text is empty and placeholders match).
const en = {
  askQuestion: 'Ask a question',
  askHint: 'Type your question.',
  askHintExamples: 'Type your question, for example {examples}.',
  or: 'or',
  startAssessment: 'Start an assessment',
  continueAssessment: 'Continue my assessment',
  myResults: 'My results',
  whatNext: 'What would you like to do next?',
  language: 'Tiếng Việt',
  languageSet: 'I will talk with you in English.',
  help: 'You can ask me anything about {about}, or start a needs assessment. Commands: “start”, “continue”, “my results”, “language”, “help”. During an assessment type “back”, “skip”, “pause”, “cancel”, or answer with the number or the words of an option.',
  coordinatorHelp:
    'As a coordinator you can also type “submissions”, “summary”, “export all” (every result as CSV) or “unanswered” (the questions I could not answer).',
  chooseInstrument: 'Which assessment would you like to do?',
  instrumentLine: '{title}{pilot} — about {minutes} minutes. {description}',
  chooseCentre: 'Which centre are you answering for? Choose one or type its name.',
  chooseCentreAgain:
    'Which centre are you answering for? Last time it was {centre}: answer to keep it, or choose another.',
  typeCentre: 'Which centre are you answering for? Type its name.',
  typeCentreAgain:
    'Which centre are you answering for? Last time it was {centre}: answer to keep it, or type another name.',
  centreListLabel: 'Centres of the network',
  centreNameLabel: 'Or type the centre’s name',
  centreNameOnlyLabel: 'Centre name',
  centreTooLong: 'Please type a centre name of at most {max} characters.',
  openAssessment:
    'You already have an assessment in progress: {title}, {answered} of {total} answered. Continue it, or start over and delete its answers?',
  startOver: 'Start over',
  questionOf: 'Question {number} of {total}',
  optional: '(optional)',
  answer: 'Answer',
  back: 'Back',
  skip: 'Skip',
  pause: 'Continue later',
  cancel: 'Cancel',
  staleCard: 'That card belongs to an earlier question. Here is where you are now:',
  cannotSkip: 'This question needs an answer; it cannot be skipped.',
  paused: 'Your answers are saved. Type “continue” whenever you want to go on.',
  resumed: 'Welcome back! You are at question {number} of {total}.',
  instrumentUpdated:
    'This assessment has been updated since you started; {count} earlier {count|answer no longer fits|answers no longer fit} and must be given again.',
  confirmCancel: 'Cancel this assessment and delete its answers?',
  yesCancel: 'Yes, cancel it',
  noContinue: 'No, continue',
  cancelled: 'The assessment was cancelled and its answers deleted.',
  nothingToContinue: 'You have no assessment in progress. Type “start” to begin one.',
  unknownInstrument: 'I do not know that assessment. Please choose one from the list.',
  review: 'Please review your answers before submitting:',
  notAnswered: '—',
  skipped: '(skipped)',
  submit: 'Submit',
  submitted: 'Thank you! Your assessment has been submitted.',
  results: 'Results',
  centre: 'Centre',
  date: 'Date',
  topGaps: 'Largest gaps',
  recommendations: 'Recommendations',
  noRecommendations: 'No recommendations: well done.',
  noRecommendationsUnscored:
    'No recommendations, but some scales had too few answers to be scored: answer more of their questions for a fuller picture.',
  insufficient: 'not enough answers',
  needHigh: 'high need',
  needModerate: 'moderate need',
  needLow: 'low need',
  exportCsv: 'Export CSV',
  exportMarkdown: 'Export Markdown',
  exported: 'Here is your export: {name}',
  noResults: 'You have not submitted any assessment yet. Type “start” to begin one.',
  yourResults: 'Your submitted assessments:',
  show: 'Show',
  resultNotFound: 'I could not find that result among yours.',
  notCoordinator:
    'Sorry, only the network coordinators can see that. You can see your own results with “my results”.',
  submissions: 'Submitted assessments ({count}):',
  olderSubmissions: 'Older submissions',
  noSubmissions: 'No assessment has been submitted yet.',
  unansweredTitle:
    'Questions I could not answer well, last {days} {days|day|days} ({count} {count|group|groups}):',
  unansweredLine: '{count}× · {langs} · last {date}{nearest}',
  unansweredNearest: ' · nearest entry: {entry}',
  noUnanswered: 'No unanswered questions were recorded in the last {days} days.',
  unansweredOff: 'Unanswered questions are not recorded on this installation.',
  summaryTitle: 'Network summary: {title}',
  summaryLine: '{results} {results|result|results} from {centres} {centres|centre|centres}',
  summaryScale: 'mean {mean} of {max}, {level}; high need at {share}% of centres',
  summaryScaleNone: 'no centre has enough answers yet',
  summaryMinimum:
    'Each centre combines its staff’s answers; a centre with fewer than {min} staff answering is not counted yet.',
  staffResult:
    'These are your own answers. They are combined with your colleagues’ into your centre’s figures, which the network’s coordinators see once at least {min} staff of your centre have answered.',
  centreShown: '{n} {n|staff member|staff members} answered; counted',
  centreWithheld: '{n} of the {min} staff needed have answered; not counted yet',
  pilotLabel: 'pilot',
  summaryRanking: 'Most pressing first: {ranking}',
  centreResultsTitle: 'Results of {centre}: {title}',
  tallyNone: 'no answers yet',
  tallyNumbers: 'mean {mean} (from {min} to {max}), {count} {count|answer|answers}',
  tallyAnswers: '{count} {count|answer|answers}, not counted here',
  tallyWithheld:
    'Fewer than {min} staff have answered: the counts are shown once {min} have, so that nobody’s own answers can be read from them.',
  sources: 'Sources',
  didYouMean: 'Did you mean…',
  turnFailed:
    'Sorry, something went wrong on my side (reference {errorId}). Your saved answers are safe; please try again.',
  stateReset:
    'Sorry, I could not read your saved progress (reference {errorId}), so we start afresh.',
  tooLong: 'That message is too long for me ({length} characters). Please keep it under {max}.',
  confirmForget:
    'Delete everything stored about you: your open assessment, your submitted results and your settings? This cannot be undone.',
  yesForget: 'Yes, delete my data',
  noKeep: 'No, keep it',
  forgotten: 'Done: your data has been deleted.',
  kept: 'Nothing was deleted.',
  joinHint: 'Type “join” and the invite code you were given, for example “join ABCD-2345”.',
  joinMalformed:
    'That is not an invite code: a code has 8 letters and digits, for example “ABCD-2345”. Check it and type “join” and the code again.',
  joinUnknown:
    'I do not know that invite code. Check it with the person who gave it to you (codes are for this network only).',
  joinTooMany:
    'Too many codes that did not work: wait a quarter of an hour, then type the code again exactly as you were given it.',
  joinExpired: 'That invite code has expired. Ask your focal point or coordinator for a new one.',
  joinUsed:
    'That invite code has been used already: each code is for one person. Ask for a new one.',
  joinedCentre: 'Welcome! You are now {role} at {centre}. Your assessments are for this centre.',
  joinedNetwork: 'Welcome! You are now {role} of the network.',
  joinButton: 'Join with an invite code',
  inviteButton: 'Invite someone',
  inviteChoose: 'Whom are you inviting? Choose their role and centre.',
  inviteRoleLabel: 'Role',
  inviteCreate: 'Create the invite code',
  inviteNotAllowed:
    'You cannot give that invite: focal points invite members to their own centre; coordinators invite members and focal points; only administrators make coordinators.',
  inviteMade:
    'Invite code {code}: {role} at {where}, until {expires}, for one person. Give it to them: they type “join {code}” here. It is shown only now.',
  centreResultsButton: 'Centre results',
  notFocalPoint:
    'Only your centre’s focal point (and the network’s coordinators) can see the centre’s results. You can see your own with “my results”.',
  noCentreResults: 'No one at your centre has submitted an assessment yet.',
  changeCentreNoCentre: 'You have no centre yet: join one first, with “join” and your invite code.',
  changeCentreChoose:
    'You are at {centre}. Which centre are you moving to? A coordinator approves the move.',
  changeCentreAsk: 'Ask to move',
  changeCentreRequested:
    'Asked: a coordinator will approve your move to {centre}. Until then your assessments stay with your current centre.',
  changeCentreNone: 'No one is waiting to move centre.',
  changeCentreList: 'Members waiting to move centre:',
  changeCentreLine: '{user}: from {from} to {to}',
  changeCentreApprove: 'Approve',
  changeCentreApproved: 'Approved: {user} is moved to the centre they asked for.',
  joinChooseCentre: 'Which centre do you work at? Choose it, or type “join” and an invite code.',
  joinUnknownCentre: 'That centre is not in the network’s list. Choose one from the list.',
  summaryButton: 'Network summary',
  submissionsButton: 'Submissions',
  exportAllButton: 'Export all results',
  unansweredButton: 'Unanswered questions',
  'role-member': 'a member',
  'role-focal-point': 'the focal point',
  'role-coordinator': 'a coordinator',
  'role-admin': 'an administrator',
  'roleTitle-member': 'Member',
  'roleTitle-focal-point': 'Centre focal point',
  'roleTitle-coordinator': 'Network coordinator',
  'roleTitle-admin': 'Administrator',
  inviteCentreLabel: 'Their centre (for members and focal points)',
  dataHelp:
    'Your data: “my data” exports everything stored about you; “delete my data” deletes it.',
} as const;

export type MessageKey = keyof typeof en;

const vi: Record<MessageKey, string> = {
  askQuestion: 'Đặt câu hỏi',
  askHint: 'Hãy gõ câu hỏi của Anh/Chị.',
  askHintExamples: 'Hãy gõ câu hỏi của Anh/Chị, ví dụ {examples}.',
  or: 'hoặc',
  startAssessment: 'Bắt đầu đánh giá',
  continueAssessment: 'Tiếp tục bài đánh giá',
  myResults: 'Kết quả của tôi',
  whatNext: 'Anh/Chị muốn làm gì tiếp theo?',
  language: 'English',
  languageSet: 'Tôi sẽ trò chuyện với Anh/Chị bằng tiếng Việt.',
  help: 'Anh/Chị có thể hỏi tôi bất cứ điều gì về {about}, hoặc bắt đầu một bài đánh giá nhu cầu. Lệnh: “bắt đầu”, “tiếp tục”, “kết quả của tôi”, “ngôn ngữ”, “trợ giúp”. Trong khi đánh giá, hãy gõ “quay lại”, “bỏ qua”, “tạm dừng”, “hủy”, hoặc trả lời bằng số hay nội dung của lựa chọn.',
  coordinatorHelp:
    'Là điều phối viên, Anh/Chị còn có thể gõ “bài nộp”, “tổng hợp”, “xuất tất cả” (mọi kết quả dạng CSV) hoặc “chưa trả lời” (các câu hỏi tôi chưa trả lời được).',
  chooseInstrument: 'Anh/Chị muốn thực hiện bài đánh giá nào?',
  instrumentLine: '{title}{pilot} — khoảng {minutes} phút. {description}',
  chooseCentre: 'Anh/Chị trả lời cho trung tâm nào? Hãy chọn hoặc gõ tên trung tâm.',
  chooseCentreAgain:
    'Anh/Chị trả lời cho trung tâm nào? Lần trước là {centre}: bấm Trả lời để giữ nguyên, hoặc chọn trung tâm khác.',
  typeCentre: 'Anh/Chị trả lời cho trung tâm nào? Hãy gõ tên trung tâm.',
  typeCentreAgain:
    'Anh/Chị trả lời cho trung tâm nào? Lần trước là {centre}: bấm Trả lời để giữ nguyên, hoặc gõ tên khác.',
  centreListLabel: 'Các trung tâm của mạng lưới',
  centreNameLabel: 'Hoặc gõ tên trung tâm',
  centreNameOnlyLabel: 'Tên trung tâm',
  centreTooLong: 'Vui lòng gõ tên trung tâm không quá {max} ký tự.',
  openAssessment:
    'Anh/Chị đang có một bài đánh giá dở dang: {title}, đã trả lời {answered}/{total}. Làm tiếp, hay làm lại từ đầu và xóa các câu trả lời?',
  startOver: 'Làm lại từ đầu',
  questionOf: 'Câu hỏi {number}/{total}',
  optional: '(không bắt buộc)',
  answer: 'Trả lời',
  back: 'Quay lại',
  skip: 'Bỏ qua',
  pause: 'Tiếp tục sau',
  cancel: 'Hủy',
  staleCard: 'Thẻ đó thuộc về một câu hỏi trước. Đây là câu Anh/Chị đang làm:',
  cannotSkip: 'Câu hỏi này bắt buộc trả lời, không thể bỏ qua.',
  paused: 'Câu trả lời của Anh/Chị đã được lưu. Hãy gõ “tiếp tục” khi Anh/Chị muốn làm tiếp.',
  resumed: 'Chào mừng Anh/Chị trở lại! Anh/Chị đang ở câu hỏi {number}/{total}.',
  instrumentUpdated:
    'Bài đánh giá đã được cập nhật từ khi Anh/Chị bắt đầu; {count} câu trả lời trước không còn phù hợp và cần trả lời lại.',
  confirmCancel: 'Hủy bài đánh giá này và xóa các câu trả lời?',
  yesCancel: 'Có, hủy bài',
  noContinue: 'Không, làm tiếp',
  cancelled: 'Bài đánh giá đã bị hủy và các câu trả lời đã được xóa.',
  nothingToContinue: 'Anh/Chị chưa có bài đánh giá nào đang làm. Hãy gõ “bắt đầu” để bắt đầu.',
  unknownInstrument: 'Tôi không biết bài đánh giá đó. Vui lòng chọn trong danh sách.',
  review: 'Vui lòng xem lại các câu trả lời trước khi nộp:',
  notAnswered: '—',
  skipped: '(đã bỏ qua)',
  submit: 'Nộp bài',
  submitted: 'Cảm ơn Anh/Chị! Bài đánh giá đã được nộp.',
  results: 'Kết quả',
  centre: 'Trung tâm',
  date: 'Ngày',
  topGaps: 'Những khoảng trống lớn nhất',
  recommendations: 'Khuyến nghị',
  noRecommendations: 'Không có khuyến nghị nào. Kết quả tốt!',
  noRecommendationsUnscored:
    'Không có khuyến nghị, nhưng một số thang đo chưa đủ câu trả lời để tính điểm: hãy trả lời thêm các câu hỏi của chúng để có kết quả đầy đủ hơn.',
  insufficient: 'chưa đủ câu trả lời',
  needHigh: 'nhu cầu cao',
  needModerate: 'nhu cầu vừa',
  needLow: 'nhu cầu thấp',
  exportCsv: 'Xuất CSV',
  exportMarkdown: 'Xuất Markdown',
  exported: 'Tệp xuất của Anh/Chị: {name}',
  noResults: 'Anh/Chị chưa nộp bài đánh giá nào. Hãy gõ “bắt đầu” để bắt đầu.',
  yourResults: 'Các bài đánh giá Anh/Chị đã nộp:',
  show: 'Xem',
  resultNotFound: 'Tôi không tìm thấy kết quả đó trong các bài của Anh/Chị.',
  notCoordinator:
    'Xin lỗi, chỉ điều phối viên mạng lưới mới xem được nội dung đó. Anh/Chị có thể xem kết quả của mình bằng lệnh “kết quả của tôi”.',
  submissions: 'Các bài đánh giá đã nộp ({count}):',
  olderSubmissions: 'Các bài nộp cũ hơn',
  noSubmissions: 'Chưa có bài đánh giá nào được nộp.',
  unansweredTitle: 'Các câu hỏi tôi chưa trả lời tốt, {days} ngày qua ({count} nhóm):',
  unansweredLine: '{count} lần · {langs} · gần nhất {date}{nearest}',
  unansweredNearest: ' · mục gần nhất: {entry}',
  noUnanswered: 'Không có câu hỏi chưa trả lời nào được ghi lại trong {days} ngày qua.',
  unansweredOff: 'Hệ thống này không ghi lại các câu hỏi chưa trả lời.',
  summaryTitle: 'Tổng hợp mạng lưới: {title}',
  summaryLine: '{results} kết quả từ {centres} trung tâm',
  summaryScale: 'điểm trung bình {mean}/{max}, {level}; nhu cầu cao ở {share}% số trung tâm',
  summaryScaleNone: 'chưa trung tâm nào có đủ câu trả lời',
  summaryMinimum:
    'Mỗi trung tâm được tổng hợp từ câu trả lời của cán bộ; trung tâm có ít hơn {min} cán bộ trả lời chưa được tính.',
  staffResult:
    'Đây là câu trả lời của riêng Anh/Chị. Câu trả lời được gộp với của đồng nghiệp thành số liệu chung của trung tâm; điều phối viên mạng lưới xem được số liệu này khi có ít nhất {min} cán bộ của trung tâm trả lời.',
  centreShown: '{n} cán bộ đã trả lời; đã được tính',
  centreWithheld: 'mới có {n}/{min} cán bộ cần thiết trả lời; chưa được tính',
  pilotLabel: 'thử nghiệm',
  summaryRanking: 'Theo mức cấp thiết giảm dần: {ranking}',
  centreResultsTitle: 'Kết quả của {centre}: {title}',
  tallyNone: 'chưa có câu trả lời',
  tallyNumbers: 'trung bình {mean} (từ {min} đến {max}), {count} câu trả lời',
  tallyAnswers: '{count} câu trả lời, không tổng hợp ở đây',
  tallyWithheld:
    'Chưa đủ {min} cán bộ trả lời: số liệu chỉ hiện khi đã có {min} người, để không ai đọc được câu trả lời riêng của một người.',
  sources: 'Nguồn',
  didYouMean: 'Có phải Anh/Chị muốn hỏi…',
  turnFailed:
    'Xin lỗi, đã có lỗi ở phía tôi (mã tham chiếu {errorId}). Các câu trả lời đã lưu vẫn an toàn; vui lòng thử lại.',
  stateReset:
    'Xin lỗi, tôi không đọc được tiến trình đã lưu của Anh/Chị (mã tham chiếu {errorId}), nên chúng ta bắt đầu lại.',
  tooLong: 'Tin nhắn quá dài ({length} ký tự). Vui lòng viết ngắn hơn {max} ký tự.',
  confirmForget:
    'Xóa mọi dữ liệu được lưu về Anh/Chị: bài đánh giá đang làm, các kết quả đã nộp và cài đặt của Anh/Chị? Không thể hoàn tác.',
  yesForget: 'Có, xóa dữ liệu của tôi',
  noKeep: 'Không, giữ lại',
  forgotten: 'Xong: dữ liệu của Anh/Chị đã được xóa.',
  kept: 'Không có gì bị xóa.',
  joinHint: 'Anh/Chị hãy gõ “tham gia” và mã mời đã nhận, ví dụ “tham gia ABCD-2345”.',
  joinMalformed:
    'Đó không phải mã mời: mã có 8 chữ cái và chữ số, ví dụ “ABCD-2345”. Anh/Chị hãy kiểm tra và gõ lại “tham gia” cùng mã.',
  joinUnknown:
    'Tôi không nhận ra mã mời này. Anh/Chị hãy kiểm tra lại với người đã gửi mã (mã chỉ dùng cho mạng lưới này).',
  joinTooMany:
    'Đã thử quá nhiều mã không đúng: Anh/Chị hãy đợi mười lăm phút rồi gõ lại mã đúng như đã được cấp.',
  joinExpired:
    'Mã mời này đã hết hạn. Anh/Chị hãy xin cán bộ đầu mối hoặc điều phối viên một mã mới.',
  joinUsed: 'Mã mời này đã được dùng: mỗi mã chỉ dành cho một người. Anh/Chị hãy xin một mã mới.',
  joinedCentre:
    'Chào mừng Anh/Chị! Anh/Chị giờ là {role} tại {centre}. Các bài đánh giá của Anh/Chị là cho trung tâm này.',
  joinedNetwork: 'Chào mừng Anh/Chị! Anh/Chị giờ là {role} của mạng lưới.',
  joinButton: 'Tham gia bằng mã mời',
  inviteButton: 'Mời người khác',
  inviteChoose: 'Anh/Chị mời ai? Hãy chọn vai trò và trung tâm của họ.',
  inviteRoleLabel: 'Vai trò',
  inviteCreate: 'Tạo mã mời',
  inviteNotAllowed:
    'Anh/Chị không thể tạo mã mời đó: cán bộ đầu mối mời thành viên vào trung tâm của mình; điều phối viên mời thành viên và cán bộ đầu mối; chỉ quản trị viên mới tạo được điều phối viên.',
  inviteMade:
    'Mã mời {code}: {role} tại {where}, đến {expires}, dùng cho một người. Anh/Chị hãy gửi mã cho họ: họ gõ “tham gia {code}” tại đây. Mã chỉ hiển thị lúc này.',
  centreResultsButton: 'Kết quả của trung tâm',
  notFocalPoint:
    'Chỉ cán bộ đầu mối của trung tâm (và điều phối viên của mạng lưới) mới xem được kết quả của trung tâm. Anh/Chị có thể xem kết quả của mình bằng “kết quả của tôi”.',
  noCentreResults: 'Chưa có ai ở trung tâm của Anh/Chị nộp bài đánh giá.',
  changeCentreNoCentre: 'Anh/Chị chưa có trung tâm: hãy tham gia trước, bằng “tham gia” và mã mời.',
  changeCentreChoose:
    'Anh/Chị đang ở {centre}. Anh/Chị chuyển sang trung tâm nào? Điều phối viên sẽ duyệt việc chuyển.',
  changeCentreAsk: 'Đề nghị chuyển',
  changeCentreRequested:
    'Đã gửi đề nghị: điều phối viên sẽ duyệt việc chuyển sang {centre}. Trong lúc chờ, các bài đánh giá vẫn thuộc trung tâm hiện tại.',
  changeCentreNone: 'Không có ai đang chờ chuyển trung tâm.',
  changeCentreList: 'Thành viên đang chờ chuyển trung tâm:',
  changeCentreLine: '{user}: từ {from} sang {to}',
  changeCentreApprove: 'Duyệt',
  changeCentreApproved: 'Đã duyệt: {user} được chuyển sang trung tâm đã đề nghị.',
  joinChooseCentre: 'Anh/Chị làm việc tại trung tâm nào? Hãy chọn, hoặc gõ “tham gia” và mã mời.',
  joinUnknownCentre:
    'Trung tâm đó không có trong danh sách của mạng lưới. Hãy chọn một trung tâm trong danh sách.',
  summaryButton: 'Tổng hợp mạng lưới',
  submissionsButton: 'Các bài nộp',
  exportAllButton: 'Xuất tất cả kết quả',
  unansweredButton: 'Câu hỏi chưa trả lời',
  'role-member': 'thành viên',
  'role-focal-point': 'cán bộ đầu mối',
  'role-coordinator': 'điều phối viên',
  'role-admin': 'quản trị viên',
  'roleTitle-member': 'Thành viên',
  'roleTitle-focal-point': 'Cán bộ đầu mối của trung tâm',
  'roleTitle-coordinator': 'Điều phối viên mạng lưới',
  'roleTitle-admin': 'Quản trị viên',
  inviteCentreLabel: 'Trung tâm của họ (cho thành viên và cán bộ đầu mối)',
  dataHelp:
    'Dữ liệu của Anh/Chị: “dữ liệu của tôi” để xuất mọi thứ được lưu về Anh/Chị; “xóa dữ liệu của tôi” để xóa.',
};

/** The message catalogues, one per language the bot speaks. */
export const CATALOGS: Readonly<Record<Lang, Record<MessageKey, string>>> = { en, vi };
export { type Lang, langOf };

/** The locale a reply is marked with, so that a client can follow the member's language. */
export const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-US', vi: 'vi-VN' };

/** A message in the user's language, with `{name}` placeholders filled. */
export function t(
  lang: Lang,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return fillText(CATALOGS[lang][key], values);
}
