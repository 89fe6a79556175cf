import { fillText, type Template } from '@resonet/core';

// The command line's own words, in English and Vietnamese.
type Text = Template;

export const MESSAGES = {
  usage: {
    en: `Usage: resonet <command> [options]

Commands:
  ask "<question>" [--lang en|vi] [--json] [--pack DIR]
      Answer a question about the networks, in English or Vietnamese.
  serve [--pack DIR]
      Start the chat bot (Bot Framework, POST /api/messages) and, locally, its chat page
      at http://localhost:3978/. Settings come from environment variables; see
      \`resonet serve --help\` and docs/bot.md. --pack serves a content pack.
  invite --role ROLE [--centre ID] [--expires 14d]
      A single-use invite code: the person types “join CODE” in chat to take the role
      (member, focal-point, coordinator, admin) at the centre.
  members list [--json] | members grant USER ROLE [--centre ID] | members revoke USER
      Who has which role in the network.
  instrument import FORM.xlsx [--out FILE.yaml]
  instrument export ID --format xlsx [--out FILE.xlsx]
      Read an XLSForm (as ODK and KoboToolbox write them) into an instrument, naming every
      row that uses what resonet does not support; or write an instrument as an XLSForm.
  pack init DIR --name "NAME"
      Write a new content pack for your network into DIR: branding, the network, two
      example centres, a short instrument and three knowledge entries (docs/partners.md).
  pack check DIR [--json]
      Check a content pack: exit 0 when it is valid, 1 with every problem listed by file,
      line and field.
  centres import FILE.csv | centres list [--json] | centres map "NAME" --to ID
      The centre registry of the network served, in the bot's database: import centres
      (columns as in a pack's centres.csv; all or nothing), list them with their region, or
      move the results of a centre members typed by name to the registry centre it is.
  chat [--lang en|vi]
      Chat with the bot in this terminal: questions and assessments, as in Teams.
  instruments [--json | --dictionary] [--lang en|vi]
      List the built-in assessment instruments (--json: full definitions; --dictionary: the
      data dictionary of results CSV files, one row per question and per scale).
  score <instrument-id> <answers-file> [--format json|md|csv] [--lang en|vi] [--date YYYY-MM-DD] [--strict]
      Score answers collected elsewhere. The file is JSON (an object of item id → answer,
      or an array of such objects) or CSV (one row per respondent, one column per item id;
      optional columns respondent_id and centre_id; comma, semicolon or tab separated).
      Rows missing required answers are scored with a warning; --strict refuses them.
  results import FILE.jsonl|FILE.csv
      Results in bulk: one per line (JSONL), or the CSV export format (scores computed again
      from the answers); each checked and named by line when refused; stored once by id, so
      running it again is safe.
  results export [--instrument ID] [--from DATE] [--to DATE] [--format csv|jsonl] [--out FILE]
      Every stored result (or those of one instrument, between two dates), oldest first,
      streamed: CSV in the export columns (--bom for Excel), or one JSON result per line.
  report summary --instrument ID [--by region|country|centre] [--json]
      The network summary a coordinator sees in chat, for one instrument, from the bot's
      database (DATABASE_URL, else RESONET_DATA_DIR); --by adds one per region, country or
      centre; --json gives the figures, the number of results included.
  kb unanswered [--since YYYY-MM-DD] [--json] [--lang en|vi]
      The questions members asked that the knowledge base could not answer well, grouped
      by similarity, most asked first (default: the last 30 days). Reads the bot's database
      (DATABASE_URL, else RESONET_DATA_DIR); nothing in it names who asked.

Options:
  --help, -h    Show this help.
  --lang        Language of the output (default: from LANG, else en).
  --pack        The content pack ask, chat, instruments and score read (a folder or an
                installed package; default: RESONET_PACK, else the shipped content).
`,
    vi: `Cách dùng: resonet <lệnh> [tùy chọn]

Các lệnh:
  ask "<câu hỏi>" [--lang en|vi] [--json] [--pack THƯ-MỤC]
      Trả lời câu hỏi về các mạng lưới, bằng tiếng Việt hoặc tiếng Anh.
  serve [--pack THƯ-MỤC]
      Khởi động chatbot (Bot Framework, POST /api/messages) và, khi chạy cục bộ, trang
      trò chuyện tại http://localhost:3978/. Cấu hình bằng biến môi trường; xem
      \`resonet serve --help\` và docs/bot.md. --pack dùng một gói nội dung.
  invite --role VAI-TRÒ [--centre MÃ] [--expires 14d]
      Mã mời dùng một lần: người được mời gõ “tham gia MÃ” trong cuộc trò chuyện để nhận vai
      trò (member, focal-point, coordinator, admin) tại trung tâm.
  members list [--json] | members grant NGƯỜI-DÙNG VAI-TRÒ [--centre MÃ] | members revoke NGƯỜI-DÙNG
      Ai có vai trò gì trong mạng lưới.
  instrument import BIỂU-MẪU.xlsx [--out TỆP.yaml]
  instrument export MÃ --format xlsx [--out TỆP.xlsx]
      Đọc một biểu mẫu XLSForm (như ODK và KoboToolbox tạo) thành công cụ đánh giá, nêu mọi
      dòng dùng điều resonet không hỗ trợ; hoặc ghi một công cụ thành XLSForm.
  pack init THƯ-MỤC --name "TÊN"
      Tạo gói nội dung mới cho mạng lưới của Anh/Chị trong THƯ-MỤC: nhận diện, mạng lưới,
      hai trung tâm ví dụ, một công cụ đánh giá ngắn và ba mục kiến thức (docs/partners.md).
  pack check THƯ-MỤC [--json]
      Kiểm tra gói nội dung: mã thoát 0 khi hợp lệ, 1 kèm mọi lỗi theo tệp, dòng và trường.
  centres import TỆP.csv | centres list [--json] | centres map "TÊN" --to MÃ
      Danh mục trung tâm của mạng lưới trong cơ sở dữ liệu của bot: nhập trung tâm (các cột
      như centres.csv của gói; nhập tất cả hoặc không gì cả), liệt kê kèm khu vực, hoặc chuyển
      kết quả của một trung tâm được gõ tên sang trung tâm tương ứng trong danh mục.
  chat [--lang en|vi]
      Trò chuyện với bot ngay trong terminal: hỏi đáp và đánh giá, như trên Teams.
  instruments [--json | --dictionary] [--lang en|vi]
      Liệt kê các công cụ đánh giá có sẵn (--json: toàn bộ định nghĩa; --dictionary: từ điển
      dữ liệu của tệp CSV kết quả, mỗi dòng một câu hỏi hoặc một thang đo).
  score <mã-công-cụ> <tệp-câu-trả-lời> [--format json|md|csv] [--lang en|vi] [--date YYYY-MM-DD] [--strict]
      Chấm điểm câu trả lời thu thập từ nơi khác. Tệp dạng JSON (đối tượng mã câu hỏi → câu
      trả lời, hoặc mảng các đối tượng đó) hoặc CSV (mỗi dòng một người trả lời, mỗi cột một
      mã câu hỏi; có thể thêm cột respondent_id và centre_id; phân cách bằng dấu phẩy, chấm
      phẩy hoặc tab). Dòng thiếu câu trả lời bắt buộc vẫn được chấm kèm cảnh báo; --strict
      từ chối các dòng đó.
  results import TỆP.jsonl|TỆP.csv
      Nhập nhiều kết quả: mỗi dòng một kết quả (JSONL), hoặc định dạng CSV khi xuất (điểm
      được tính lại từ câu trả lời); mỗi kết quả được kiểm tra, lỗi nêu số dòng; mỗi mã chỉ
      lưu một lần nên chạy lại không sao.
  results export [--instrument MÃ] [--from NGÀY] [--to NGÀY] [--format csv|jsonl] [--out TỆP]
      Mọi kết quả đã lưu (hoặc của một công cụ, giữa hai ngày), cũ nhất trước, xuất dần
      từng trang: CSV theo các cột xuất (--bom cho Excel), hoặc mỗi dòng một kết quả JSON.
  report summary --instrument MÃ [--by region|country|centre] [--json]
      Bản tổng hợp mạng lưới mà điều phối viên xem trong trò chuyện, cho một công cụ, từ cơ
      sở dữ liệu của bot (DATABASE_URL, nếu không thì RESONET_DATA_DIR); --by thêm một bản
      cho mỗi khu vực, quốc gia hoặc trung tâm; --json cho các số liệu, kèm số kết quả.
  kb unanswered [--since YYYY-MM-DD] [--json] [--lang en|vi]
      Các câu hỏi thành viên đã hỏi mà cơ sở tri thức chưa trả lời tốt, gộp theo độ giống
      nhau, hỏi nhiều nhất trước (mặc định: 30 ngày qua). Đọc cơ sở dữ liệu của bot
      (DATABASE_URL, nếu không thì RESONET_DATA_DIR); không có gì trong đó cho biết ai đã hỏi.

Tùy chọn:
  --help, -h    Hiển thị hướng dẫn này.
  --lang        Ngôn ngữ đầu ra (mặc định: theo LANG, nếu không thì en).
  --pack        Gói nội dung mà ask, chat, instruments và score dùng (một thư mục hoặc một
                gói đã cài; mặc định: RESONET_PACK, nếu không thì nội dung có sẵn).
`,
  },
  resultsUsage: {
    en: 'Usage: resonet results import FILE.jsonl|FILE.csv | resonet results export [--instrument ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|jsonl] [--out FILE] [--bom]   (also --pack DIR)',
    vi: 'Cách dùng: resonet results import TỆP.jsonl|TỆP.csv | resonet results export [--instrument MÃ] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|jsonl] [--out TỆP] [--bom]   (và --pack THƯ-MỤC)',
  },
  importLine: { en: 'line {line}', vi: 'dòng {line}' },
  importNotJson: {
    en: 'line {line}: not a JSON object (one result per line)',
    vi: 'dòng {line}: không phải một đối tượng JSON (mỗi dòng một kết quả)',
  },
  importLineTooLong: {
    en: 'line {line}: longer than 1 MB; no result is that long',
    vi: 'dòng {line}: dài hơn 1 MB; không kết quả nào dài như vậy',
  },
  importUnknownInstrument: {
    en: 'line {line}: no instrument "{value}" is served (the pack has the instruments results belong to)',
    vi: 'dòng {line}: không có công cụ "{value}" (gói nội dung phải có công cụ của kết quả)',
  },
  importUnknownItem: {
    en: 'the instrument has no question with this id',
    vi: 'công cụ không có câu hỏi mang mã này',
  },
  importDone: {
    en: 'Read {file}: {stored} stored, {duplicate} already there, {refused} refused.',
    vi: 'Đã đọc {file}: lưu {stored}, đã có sẵn {duplicate}, từ chối {refused}.',
  },
  importMore: { en: '… and {count} more', vi: '… và {count} lỗi nữa' },
  resultsBadFormat: {
    en: 'Unknown --format "{value}": use csv or jsonl.',
    vi: 'Không hỗ trợ --format "{value}": dùng csv hoặc jsonl.',
  },
  resultsBadDay: {
    en: 'Use a date as YYYY-MM-DD, not "{value}".',
    vi: 'Hãy ghi ngày dạng YYYY-MM-DD, không phải "{value}".',
  },
  resultsExported: {
    en: 'Exported {count} {count|result|results} to {where}.',
    vi: 'Đã xuất {count} kết quả ra {where}.',
  },
  badSince: {
    en: 'Use --since YYYY-MM-DD, not "{value}".',
    vi: 'Hãy dùng --since YYYY-MM-DD, không phải "{value}".',
  },
  kbUsage: {
    en: 'Usage: resonet kb unanswered [--since YYYY-MM-DD] [--json] [--lang en|vi]',
    vi: 'Cách dùng: resonet kb unanswered [--since YYYY-MM-DD] [--json] [--lang en|vi]',
  },
  unansweredHeader: {
    en: 'Unanswered questions since {since}: {count} in {groups} groups, most asked first.',
    vi: 'Câu hỏi chưa trả lời từ {since}: {count} câu trong {groups} nhóm, hỏi nhiều nhất trước.',
  },
  unansweredGroup: {
    en: '{count}×  {question}\n      {langs} · {outcomes} · last asked {last}{nearest}',
    vi: '{count} lần  {question}\n      {langs} · {outcomes} · lần gần nhất {last}{nearest}',
  },
  unansweredNearest: { en: ' · nearest entry {entry}', vi: ' · mục gần nhất {entry}' },
  unansweredOther: { en: '      also: {wordings}', vi: '      cách hỏi khác: {wordings}' },
  unansweredNone: {
    en: 'No unanswered questions were recorded since {since}.',
    vi: 'Không có câu hỏi chưa trả lời nào được ghi lại từ {since}.',
  },
  unansweredOffNote: {
    en: 'Note: RESONET_UNANSWERED_DAYS is 0, so this installation records none.',
    vi: 'Lưu ý: RESONET_UNANSWERED_DAYS là 0 nên hệ thống này không ghi lại câu hỏi nào.',
  },
  badConfig: {
    en: 'The bot settings are not valid: {errors}',
    vi: 'Cấu hình của bot không hợp lệ: {errors}',
  },
  noDatabase: {
    en: 'The database cannot be read: {reason}',
    vi: 'Không đọc được cơ sở dữ liệu: {reason}',
  },
  serveHelp: {
    en: `Usage: resonet serve [--pack DIR]

Starts the chat bot. Settings (environment variables):
  MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId
                  The bot's Microsoft app registration. Without MicrosoftAppId the bot
                  runs anonymously for local use and listens on 127.0.0.1 only.
  PORT            Port to listen on (default 3978).
  HOST            Address to listen on (default 0.0.0.0; 127.0.0.1 when anonymous).
  RESONET_ALLOW_REMOTE_ANONYMOUS=true
                  Allow an anonymous bot on a non-loopback address (you take the risk).
  RESONET_COORDINATORS
                  Comma-separated user ids (Teams: Microsoft Entra object ids) of the
                  first admins. They bring everyone else in with invites (in chat, or
                  resonet invite); resonet members grant gives roles too.
  RESONET_PACK, --pack DIR
                  The content pack to serve: a folder, or an installed npm package
                  (default: the shipped pack). See resonet pack check and docs/partners.md.
  RESONET_EXAMPLE_CENTRES=true
                  Offer the example centres in the centre list (demos).
  RESONET_MAX_BODY_KB
                  Largest request body accepted, in KB (default 256).
  DIRECT_LINE_SECRET, DIRECT_LINE_ENDPOINT
                  Azure Direct Line channel secret (kept on the server) and service
                  (default https://directline.botframework.com): POST /api/directline/token
                  gives web pages a token. See docs/web-chat.md.
  RESONET_WEB_PAGE=true
                  Also serve the chat page at / when not anonymous (needs the secret).
  RESONET_WEB_ORIGINS
                  Comma-separated origins of sites that may embed the page or get tokens.
  DATABASE_URL    PostgreSQL for state and results (several instances).
  RESONET_DATA_DIR
                  Directory of the embedded database, the default store
                  (default .resonet/data).
  RESONET_STORAGE embedded, postgres or memory (nothing kept after a stop).
  LOG_LEVEL       fatal, error, warn, info (default), debug, trace or silent.
`,
    vi: `Cách dùng: resonet serve [--pack THƯ-MỤC]

Khởi động chatbot. Cấu hình (biến môi trường):
  MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId
                  Đăng ký ứng dụng Microsoft của bot. Không có MicrosoftAppId thì bot
                  chạy ẩn danh để dùng cục bộ và chỉ chấp nhận kết nối từ chính máy này (127.0.0.1).
  PORT            Cổng (mặc định 3978).
  HOST            Địa chỉ nhận kết nối (mặc định 0.0.0.0; 127.0.0.1 khi ẩn danh).
  RESONET_ALLOW_REMOTE_ANONYMOUS=true
                  Cho phép bot ẩn danh nghe trên địa chỉ không phải loopback (bạn tự chịu rủi ro).
  RESONET_COORDINATORS
                  Mã người dùng của những quản trị viên đầu tiên, cách nhau bằng dấu phẩy
                  (Teams: Microsoft Entra object id). Họ mời những người khác bằng mã mời
                  (trong trò chuyện, hoặc resonet invite); resonet members grant cũng cấp vai trò.
  RESONET_PACK, --pack THƯ-MỤC
                  Gói nội dung được dùng: một thư mục hoặc một gói npm đã cài
                  (mặc định: gói có sẵn). Xem resonet pack check và docs/partners.md.
  RESONET_EXAMPLE_CENTRES=true
                  Hiện các trung tâm ví dụ trong danh sách (để trình diễn).
  RESONET_MAX_BODY_KB
                  Kích thước yêu cầu tối đa, tính bằng KB (mặc định 256).
  DIRECT_LINE_SECRET, DIRECT_LINE_ENDPOINT
                  Khóa bí mật kênh Direct Line của Azure (chỉ giữ trên máy chủ) và địa chỉ
                  dịch vụ (mặc định https://directline.botframework.com): POST
                  /api/directline/token cấp token cho trang web. Xem docs/web-chat.md.
  RESONET_WEB_PAGE=true
                  Phục vụ cả trang trò chuyện tại / khi không ẩn danh (cần khóa bí mật).
  RESONET_WEB_ORIGINS
                  Các origin (cách nhau bằng dấu phẩy) của trang web được nhúng trang hoặc lấy token.
  DATABASE_URL    PostgreSQL để lưu trạng thái và kết quả (nhiều phiên bản chạy song song).
  RESONET_DATA_DIR
                  Thư mục của cơ sở dữ liệu nhúng, nơi lưu mặc định
                  (mặc định .resonet/data).
  RESONET_STORAGE embedded, postgres hoặc memory (không giữ gì sau khi dừng).
  LOG_LEVEL       fatal, error, warn, info (mặc định), debug, trace hoặc silent.
`,
  },
  chatHelp: {
    en: `Usage: resonet chat [--lang en|vi]

Chat with the bot in this terminal: ask about the networks, or take an assessment.
Cards become numbered choices and lettered buttons; type a number, a letter, or your
answer. Ctrl+C, "quit" or the end of input pauses an open assessment. Works with piped
input too. Exports are saved in the current folder.
RESONET_EXAMPLE_CENTRES=true offers the example centres, as for serve.
`,
    vi: `Cách dùng: resonet chat [--lang en|vi]

Trò chuyện với bot ngay trong terminal: hỏi về các mạng lưới, hoặc làm bài đánh giá.
Thẻ trở thành lựa chọn đánh số và nút bấm theo chữ cái; hãy gõ số, chữ cái hoặc câu trả
lời. Ctrl+C, "thoát" hoặc hết dữ liệu vào sẽ tạm dừng bài đang làm. Dùng được cả với dữ
liệu vào qua ống (pipe). Tệp xuất được lưu ở thư mục hiện tại.
RESONET_EXAMPLE_CENTRES=true hiện các trung tâm ví dụ, như với serve.
`,
  },
  needQuestion: {
    en: 'ask needs a question: resonet ask "What does the network do?"',
    vi: 'Lệnh ask cần một câu hỏi: resonet ask "Mạng lưới làm gì?"',
  },
  centresUsage: {
    en: 'Usage: resonet centres import FILE.csv | resonet centres list [--json] | resonet centres map "Typed name" --to ID   (also --network ID, --pack DIR)',
    vi: 'Cách dùng: resonet centres import TỆP.csv | resonet centres list [--json] | resonet centres map "Tên đã gõ" --to MÃ   (và --network MÃ, --pack THƯ-MỤC)',
  },
  centresUnknownNetwork: {
    en: 'No network "{value}" is served (known: {known}).',
    vi: 'Không có mạng lưới "{value}" (các mạng lưới: {known}).',
  },
  centresWhichNetwork: {
    en: 'Which network? Give --network, one of: {known}.',
    vi: 'Mạng lưới nào? Hãy ghi --network, một trong: {known}.',
  },
  centresProblems: {
    en: '{file} has {count} {count|problem|problems}; no centre was written:',
    vi: '{file} có {count} lỗi; chưa ghi trung tâm nào:',
  },
  centresImported: {
    en: 'Imported {count} {count|centre|centres} into the registry of {network}: {added} new, {updated} updated, {unchanged} unchanged.',
    vi: 'Đã nhập {count} trung tâm vào danh mục của {network}: {added} mới, {updated} cập nhật, {unchanged} không đổi.',
  },
  centresHeader: {
    en: 'Centres of {network} ({count}):',
    vi: 'Các trung tâm của {network} ({count}):',
  },
  centresNone: {
    en: 'The registry of {network} has no centres yet: import them with resonet centres import FILE.csv.',
    vi: 'Danh mục của {network} chưa có trung tâm nào: hãy nhập bằng resonet centres import TỆP.csv.',
  },
  centresExample: { en: 'example', vi: 'ví dụ' },
  centresMapped: {
    en: 'Moved {count} {count|result|results} of the unlisted centre “{typed}” to {centre}.',
    vi: 'Đã chuyển {count} kết quả của trung tâm ngoài danh sách “{typed}” sang {centre}.',
  },
  instrumentUsage: {
    en: 'Usage: resonet instrument import FORM.xlsx [--out FILE.yaml] | resonet instrument export ID --format xlsx [--out FILE.xlsx] [--pack DIR]',
    vi: 'Cách dùng: resonet instrument import BIỂU-MẪU.xlsx [--out TỆP.yaml] | resonet instrument export MÃ --format xlsx [--out TỆP.xlsx] [--pack THƯ-MỤC]',
  },
  instrumentExists: {
    en: '{file} exists already; nothing was written. Choose another --out.',
    vi: '{file} đã tồn tại; chưa ghi gì. Hãy chọn --out khác.',
  },
  instrumentTooBig: {
    en: '{file} is larger than 5 MB: an XLSForm is never that big.',
    vi: '{file} lớn hơn 5 MB: một biểu mẫu XLSForm không bao giờ lớn như vậy.',
  },
  instrumentUnreadable: {
    en: '{file} cannot be read as an XLSForm: {reason}.',
    vi: 'Không đọc được {file} dưới dạng XLSForm: {reason}.',
  },
  instrumentProblems: {
    en: '{file} uses {count} {count|thing|things} resonet does not support; nothing was written:',
    vi: '{file} dùng {count} điều resonet không hỗ trợ; chưa ghi gì:',
  },
  instrumentImported: {
    en: "Read {file} into {out}: instrument {id}, {items} questions. Check it with resonet pack check, or put it in a pack's instruments/ folder.",
    vi: 'Đã đọc {file} thành {out}: công cụ {id}, {items} câu hỏi. Hãy kiểm tra bằng resonet pack check, hoặc đặt vào thư mục instruments/ của một gói.',
  },
  instrumentExported: {
    en: 'Wrote {id} to {out} (XLSForm: survey, choices, settings and resonet_scales sheets).',
    vi: 'Đã ghi {id} vào {out} (XLSForm: các trang survey, choices, settings và resonet_scales).',
  },
  instrumentFormat: {
    en: 'Unknown --format "{value}": instruments are exported as xlsx.',
    vi: 'Không hỗ trợ --format "{value}": công cụ được xuất dạng xlsx.',
  },
  inviteUsage: {
    en: 'Usage: resonet invite --role member|focal-point --centre ID [--expires 14d] | resonet invite --role coordinator|admin [--expires 14d]   (also --network ID, --pack DIR)',
    vi: 'Cách dùng: resonet invite --role member|focal-point --centre MÃ [--expires 14d] | resonet invite --role coordinator|admin [--expires 14d]   (và --network MÃ, --pack THƯ-MỤC)',
  },
  membersUsage: {
    en: 'Usage: resonet members list [--json] | resonet members grant USER ROLE [--centre ID] | resonet members revoke USER   (also --network ID, --pack DIR)',
    vi: 'Cách dùng: resonet members list [--json] | resonet members grant NGƯỜI-DÙNG VAI-TRÒ [--centre MÃ] | resonet members revoke NGƯỜI-DÙNG   (và --network MÃ, --pack THƯ-MỤC)',
  },
  badRole: {
    en: 'Unknown role "{value}": use one of {roles}.',
    vi: 'Vai trò không rõ "{value}": hãy dùng một trong {roles}.',
  },
  needCentre: {
    en: 'A {role} belongs to a centre: give --centre ID (resonet centres list shows them).',
    vi: 'Vai trò {role} thuộc về một trung tâm: hãy ghi --centre MÃ (resonet centres list liệt kê các trung tâm).',
  },
  unknownCentre: {
    en: 'No centre "{value}" is in the registry (resonet centres list shows them).',
    vi: 'Không có trung tâm "{value}" trong danh mục (resonet centres list liệt kê các trung tâm).',
  },
  badExpires: {
    en: 'Use --expires with days or hours, up to a year: 14d, 48h (not "{value}").',
    vi: 'Hãy ghi --expires bằng ngày hoặc giờ, tối đa một năm: 14d, 48h (không phải "{value}").',
  },
  inviteCreated: {
    en: 'Invite code {code}: {role} at {where}, until {expires}, for one person. They type “join {code}” in the chat. The code is shown only now.',
    vi: 'Mã mời {code}: {role} tại {where}, đến {expires}, dùng cho một người. Người đó gõ “tham gia {code}” trong cuộc trò chuyện. Mã chỉ hiển thị lúc này.',
  },
  membersHeader: {
    en: 'Members of {network} with a role ({count}):',
    vi: 'Thành viên có vai trò của {network} ({count}):',
  },
  membersNone: {
    en: 'No one has a role in {network} yet: create an invite with resonet invite.',
    vi: 'Chưa ai có vai trò trong {network}: hãy tạo mã mời bằng resonet invite.',
  },
  memberGranted: {
    en: '{user} is now {role} in {network}.',
    vi: '{user} giờ là {role} trong {network}.',
  },
  memberRevoked: {
    en: '{user} has no role in {network} any more.',
    vi: '{user} không còn vai trò trong {network}.',
  },
  memberUnknown: {
    en: '{user} has no role in {network}.',
    vi: '{user} không có vai trò trong {network}.',
  },
  packUsage: {
    en: 'Usage: resonet pack init DIR --name "NAME" | resonet pack check DIR [--json]',
    vi: 'Cách dùng: resonet pack init THƯ-MỤC --name "TÊN" | resonet pack check THƯ-MỤC [--json]',
  },
  packInitArgs: {
    en: 'pack init needs a folder and the network\'s name: resonet pack init my-pack --name "Example Network"',
    vi: 'Lệnh pack init cần một thư mục và tên mạng lưới: resonet pack init my-pack --name "Mạng lưới Ví dụ"',
  },
  packInitNotEmpty: {
    en: 'The folder "{dir}" is not empty; nothing was written. Choose a new folder.',
    vi: 'Thư mục "{dir}" không trống; chưa ghi gì. Hãy chọn một thư mục mới.',
  },
  packInitDone: {
    en: 'Wrote a new pack to {dir} ({count} files). Next:\n  resonet pack check {dir}\n  resonet serve --pack {dir}\nThen replace the texts marked "Replace" with your network\'s own (docs/partners.md).\n',
    vi: 'Đã tạo gói nội dung mới tại {dir} ({count} tệp). Tiếp theo:\n  resonet pack check {dir}\n  resonet serve --pack {dir}\nSau đó thay các đoạn ghi "Hãy thay" bằng nội dung của mạng lưới (docs/partners.md).\n',
  },
  packCheckArgs: {
    en: "pack check needs the pack's folder: resonet pack check my-pack",
    vi: 'Lệnh pack check cần thư mục của gói: resonet pack check my-pack',
  },
  packProblems: {
    en: 'The pack {dir} has {count} {count|problem|problems}:',
    vi: 'Gói {dir} có {count} lỗi:',
  },
  packValid: {
    en: 'The pack {dir} is valid. Centres: {centres}; instruments: {instruments}; knowledge entries: {entries}; languages: {languages}.',
    vi: 'Gói {dir} hợp lệ. Trung tâm: {centres}; công cụ đánh giá: {instruments}; mục kiến thức: {entries}; ngôn ngữ: {languages}.',
  },
  unknownCommand: {
    en: 'Unknown command "{value}". Run "resonet --help" to see the commands.',
    vi: 'Không có lệnh "{value}". Chạy "resonet --help" để xem các lệnh.',
  },
  badOption: { en: '{value}', vi: '{value}' },
  needArgs: {
    en: 'score needs an instrument id and an answers file: resonet score <instrument-id> <answers-file>',
    vi: 'Lệnh score cần mã công cụ và tệp câu trả lời: resonet score <mã-công-cụ> <tệp-câu-trả-lời>',
  },
  reportUsage: {
    en: 'Usage: resonet report summary --instrument ID [--by region|country|centre] [--json]   (also --network ID, --pack DIR)',
    vi: 'Cách dùng: resonet report summary --instrument MÃ [--by region|country|centre] [--json]   (và --network MÃ, --pack THƯ-MỤC)',
  },
  reportBadBy: {
    en: 'Unknown --by "{value}": use one of {known}.',
    vi: 'Không hỗ trợ --by "{value}": dùng một trong {known}.',
  },
  reportNone: {
    en: 'No results of {instrument} are stored yet.',
    vi: 'Chưa có kết quả nào của {instrument} được lưu.',
  },
  reportUnknownPlace: {
    en: 'centres not in the registry',
    vi: 'các trung tâm chưa có trong danh sách',
  },
  unknownInstrument: {
    en: 'No instrument has the id "{value}". Known: {known}.',
    vi: 'Không có công cụ nào mang mã "{value}". Các mã hiện có: {known}.',
  },
  badFormat: {
    en: 'Unknown --format "{value}": use json, md or csv.',
    vi: 'Không hỗ trợ --format "{value}": dùng json, md hoặc csv.',
  },
  badLang: {
    en: 'Unknown --lang "{value}": use en or vi.',
    vi: 'Không hỗ trợ --lang "{value}": dùng en hoặc vi.',
  },
  badDate: {
    en: 'Use --date YYYY-MM-DD, not "{value}".',
    vi: 'Dùng --date YYYY-MM-DD, không phải "{value}".',
  },
  unreadable: { en: 'Cannot read "{value}": {reason}', vi: 'Không đọc được "{value}": {reason}' },
  tooLarge: {
    en: '"{value}" is larger than 20 MB; split it into smaller files.',
    vi: '"{value}" lớn hơn 20 MB; hãy chia thành các tệp nhỏ hơn.',
  },
  badJson: {
    en: '"{value}" is not valid JSON: {reason}',
    vi: '"{value}" không phải JSON hợp lệ: {reason}',
  },
  badShape: {
    en: 'Expected an object of item id → answer, or an array of them.',
    vi: 'Cần một đối tượng mã câu hỏi → câu trả lời, hoặc một mảng các đối tượng như vậy.',
  },
  emptyFile: { en: '"{value}" holds no answers.', vi: '"{value}" không có câu trả lời nào.' },
  unknownItem: {
    en: 'Row {row}: "{item}" is not an item of {instrument}.',
    vi: 'Dòng {row}: "{item}" không phải câu hỏi của {instrument}.',
  },
  badAnswer: {
    en: 'Row {row}, item "{item}", value {value}: {reason}',
    vi: 'Dòng {row}, câu hỏi "{item}", giá trị {value}: {reason}',
  },
  errorsFound: {
    en: '{count} problem(s) found; nothing was scored.',
    vi: 'Phát hiện {count} lỗi; chưa chấm điểm.',
  },
  csvError: { en: 'CSV line {line}: {reason}', vi: 'CSV dòng {line}: {reason}' },
  csvMissingQuotes: {
    en: 'a quoted value is never closed (a " is missing).',
    vi: 'một giá trị mở ngoặc kép nhưng không đóng (thiếu dấu ").',
  },
  csvInvalidQuotes: {
    en: 'a " inside a quoted value must be doubled ("").',
    vi: 'dấu " bên trong giá trị trong ngoặc kép phải viết đôi ("").',
  },
  csvTooFewFields: {
    en: 'has {parsed} values where the header has {expected} columns.',
    vi: 'có {parsed} giá trị trong khi dòng tiêu đề có {expected} cột.',
  },
  csvTooManyFields: {
    en: 'has {parsed} values where the header has {expected} columns.',
    vi: 'có {parsed} giá trị trong khi dòng tiêu đề có {expected} cột.',
  },
  missingRequired: {
    en: 'Row {row}: {count} of {total} required questions have no answer ({items}).',
    vi: 'Dòng {row}: {count}/{total} câu hỏi bắt buộc chưa có câu trả lời ({items}).',
  },
  scoredIncomplete: {
    en: '{count} row(s) scored with required answers missing: their scores count only what was answered. Use --strict to refuse such rows.',
    vi: '{count} dòng được chấm điểm dù thiếu câu trả lời bắt buộc: điểm chỉ tính phần đã trả lời. Dùng --strict để từ chối các dòng như vậy.',
  },
  listHeader: { en: 'Built-in instruments:', vi: 'Các công cụ đánh giá có sẵn:' },
  listHeaderPack: { en: 'Instruments of the pack:', vi: 'Các công cụ đánh giá của gói:' },
  listLine: {
    en: '{id} (v{version}, {status}) — {title}: up to {items} questions in {sections} sections, about {minutes} min.',
    vi: '{id} (v{version}, {status}) — {title}: tối đa {items} câu hỏi trong {sections} phần, khoảng {minutes} phút.',
  },
  statusDraft: { en: 'draft', vi: 'bản nháp' },
  statusPilot: { en: 'pilot', vi: 'thử nghiệm' },
  statusPublished: { en: 'published', vi: 'đã ban hành' },
  answeredByStaff: {
    en: 'Answered by each staff member; a centre is shown once {min} of them have answered.',
    vi: 'Từng cán bộ trả lời; một trung tâm được hiển thị khi có {min} cán bộ trả lời.',
  },
  answeredByOne: {
    en: 'Answered by one person for the centre (its manager or focal point).',
    vi: 'Một người trả lời cho cả trung tâm (lãnh đạo hoặc cán bộ đầu mối).',
  },
  respondent: { en: 'Respondent {value}', vi: 'Người trả lời {value}' },
  centreNotGiven: { en: 'not given', vi: 'không ghi' },
} satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;

export function say(
  key: MessageKey,
  lang: string,
  values: Record<string, string | number> = {},
): string {
  return fillText(MESSAGES[key][lang === 'vi' ? 'vi' : 'en'], values);
}
