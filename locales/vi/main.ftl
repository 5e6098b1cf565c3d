# SafeSteps interface — Vietnamese (the default language).
# Every key here must also exist in locales/en/main.ftl (a test checks).

app-name = Bước An Toàn
app-title = Bước An Toàn — học kỹ năng bảo vệ trẻ em
skip-to-content = Chuyển đến nội dung chính

nav-label = Điều hướng chính
nav-home = Trang chủ
nav-sign-in = Đăng nhập

lang-switch-label = Chọn ngôn ngữ
lang-name-vi = Tiếng Việt
lang-name-en = English

help-banner-label = Đường dây hỗ trợ
help-banner = Cần giúp đỡ?
help-call = Gọi
help-hotline = 111
help-free = miễn phí, 24/7

footer-plan = Hỗ trợ thực hiện Kế hoạch 675/KH-UBND của tỉnh Lai Châu về phòng, chống bạo lực, xâm hại trẻ em.
footer-emergency = Khẩn cấp: Công an 113 · Cấp cứu 115 · Tổng đài bảo vệ trẻ em 111.

home-title = Mỗi đứa trẻ đều có quyền được an toàn
home-lead = Bước An Toàn là nơi học sinh, cha mẹ và cán bộ học kỹ năng phòng, chống bạo lực và xâm hại trẻ em — qua những bài học ngắn và câu đố vui.
home-start = Bắt đầu học
home-audiences = Dành cho ai?
home-students-title = Học sinh
home-students-body = Bài học ngắn theo lứa tuổi: cơ thể em là của em, bí mật nào cần kể, nói "không" và tìm người lớn tin cậy, an toàn trên mạng.
home-parents-title = Cha mẹ
home-parents-body = Học trên điện thoại, ít tốn dữ liệu: dạy con không bạo lực, nói chuyện với con về cơ thể, nhận biết dấu hiệu và biết gọi ai khi cần.
home-staff-title = Giáo viên và cán bộ
home-staff-body = Luật Trẻ em, nhận biết dấu hiệu, tiếp nhận lời kể của trẻ, báo tin và phối hợp đúng thời hạn — cho giáo viên, y tế, công an và cán bộ bảo vệ trẻ em.
home-managers-title = Nhà quản lý
home-managers-body = Theo dõi tỷ lệ hoàn thành của trường, xã và tỉnh so với chỉ tiêu của kế hoạch.
home-promise-title = Không bao giờ là lỗi của em
home-promise-body = Nếu có ai làm em sợ hay khó chịu, hãy kể với một người lớn em tin tưởng, hoặc gọi 111 — miễn phí, cả ngày lẫn đêm.

sign-in-title = Đăng nhập

not-found-title = Không tìm thấy trang
not-found-body = Trang bạn tìm không có hoặc đã được chuyển đi.
not-found-home = Về trang chủ

nav-modules = Bài học
loading = Đang tải…
content-fallback = Phần này chưa được dịch sang ngôn ngữ bạn chọn nên đang hiển thị bằng tiếng Việt.
content-load-error = Không tải được nội dung. Hãy thử lại sau ít phút.
callout-remember = Nhớ nhé
callout-try-this = Thử xem

audience-student-6-10 = Học sinh 6–10 tuổi
audience-student-11-14 = Học sinh 11–14 tuổi
audience-student-15-18 = Học sinh 15–18 tuổi
audience-parent = Cha mẹ
audience-teacher = Giáo viên
audience-school-manager = Cán bộ quản lý trường
audience-child-protection-officer = Cán bộ bảo vệ trẻ em
audience-health-worker = Nhân viên y tế
audience-police-officer = Công an

catalogue-title = Các bài học
catalogue-filter-label = Lọc theo người học
catalogue-all = Tất cả
catalogue-empty = Chưa có bài học nào cho nhóm này.

module-minutes = khoảng { $minutes } phút
module-lessons = Các bài
module-start = Bắt đầu bài đầu tiên
module-quiz = Câu đố ({ $count } câu)

lesson-place = Bài { $number } / { $count }
lesson-pager-label = Chuyển bài
lesson-previous = Bài trước
lesson-next = Bài tiếp theo
lesson-to-quiz = Làm câu đố

quiz-title = Câu đố
quiz-pass-mark = Trả lời đúng { $mark }% số câu là đạt.
quiz-choose-all = Chọn tất cả các ý đúng.
quiz-true = Đúng
quiz-false = Sai

# People: signing in, accounts, classes
sign-in-signed-out = Bạn đã đăng xuất. Hẹn gặp lại!
sign-in-student-title = Học sinh
sign-in-student-hint = Nhập mã lớp thầy cô viết trên bảng, rồi chọn tên của em.
sign-in-class-code = Mã lớp
sign-in-continue = Tiếp tục
sign-in-parent-title = Cha mẹ
sign-in-phone = Số điện thoại
sign-in-password = Mật khẩu
sign-in-submit = Đăng nhập
sign-in-first-time = Lần đầu? Dùng mã gia đình nhà trường đã gửi
sign-in-staff-title = Cán bộ, giáo viên
sign-in-username = Tên đăng nhập
sign-in-pick-name = Em hãy bấm vào tên của mình
sign-in-other-class = Nhập mã lớp khác
sign-in-unknown-class = Không có lớp nào có mã này. Em hãy xem lại mã trên bảng.
sign-in-pick-pictures = Chọn hai hình bí mật của em
sign-in-pin = Mã PIN (4 chữ số)
sign-in-hello = Chào
sign-in-not-me = Không phải em? Quay lại danh sách tên
sign-in-wrong = Thông tin đăng nhập chưa đúng. Hãy thử lại.
sign-in-wait = Đã thử sai nhiều lần. Hãy đợi { $minutes } phút rồi thử lại, hoặc nhờ thầy cô giúp.
sign-in-ask-teacher = Đã thử sai quá nhiều lần. Em hãy nhờ thầy cô mở khóa.
sign-in-bad-input = Thông tin chưa đúng dạng. Hãy xem lại.
sign-up-title = Cha mẹ: tạo tài khoản
sign-up-lead = Nhập mã gia đình in trên giấy nhà trường gửi. Lần sau, bạn chỉ cần số điện thoại và mật khẩu.
sign-up-family-code = Mã gia đình
sign-up-name = Họ và tên của bạn
sign-up-password = Chọn mật khẩu
sign-up-submit = Tạo tài khoản
sign-up-have-account = Đã có tài khoản? Đăng nhập
sign-up-unknown-family = Không tìm thấy mã gia đình này. Hãy xem lại giấy nhà trường gửi.
sign-up-phone-taken = Số điện thoại này đã có tài khoản. Hãy đăng nhập.
password-hint = Ít nhất 15 ký tự. Một câu ngắn dễ nhớ là tốt nhất, ví dụ: "mùa xuân hoa ban nở trắng núi".
password-too-short = Mật khẩu quá ngắn: cần ít nhất 15 ký tự. Hãy dùng một câu ngắn dễ nhớ.
password-too-long = Mật khẩu quá dài: tối đa 256 ký tự.
password-guessable = Mật khẩu này quá dễ đoán (phổ biến, đã bị lộ, hoặc dựa trên tên, số điện thoại). Hãy chọn câu khác.
error-server = Có lỗi ở máy chủ. Hãy thử lại sau ít phút.
error-csrf = Biểu mẫu đã hết hạn hoặc không đến từ trang này. Hãy quay lại, tải lại trang và thử lại.
error-forbidden = Bạn không có quyền xem trang này.
error-sign-in-needed = Hãy đăng nhập trước.
role-student = Học sinh
role-parent = Cha mẹ
role-teacher = Giáo viên
role-school-manager = Cán bộ quản lý trường
role-protection-officer = Cán bộ bảo vệ trẻ em
role-health-worker = Nhân viên y tế
role-police-officer = Công an
role-unit-manager = Cán bộ quản lý đơn vị
role-admin = Quản trị hệ thống
picture-sun = Mặt trời
picture-moon = Mặt trăng
picture-star = Ngôi sao
picture-tree = Cây
picture-flower = Bông hoa
picture-fish = Con cá
picture-cat = Con mèo
picture-dog = Con chó
picture-house = Ngôi nhà
sign-out = Đăng xuất
account-role = Vai trò
account-unit = Đơn vị
account-username = Tên đăng nhập
account-phone = Số điện thoại
account-class = Lớp
account-birth-year = Năm sinh
account-children = Con của bạn
account-go-learn = Vào học
classes-title = Lớp của tôi
classes-none = Chưa có lớp nào.
classes-class = Lớp
classes-school = Trường
classes-year = Năm học
classes-code = Mã lớp
classes-print-cards = In thẻ đăng nhập
classes-print-hint = Mỗi em một thẻ: mã lớp, tên và hình bí mật (hoặc mã PIN). Cắt theo đường viền.
classes-reset-done = Đã mở khóa cho học sinh.
classes-student = Học sinh
classes-secret = Hình bí mật / PIN
classes-state = Trạng thái
classes-actions = Thao tác
classes-locked = Bị khóa
classes-failures = Lần thử sai
classes-ok = Bình thường
classes-unlock = Mở khóa
classes-new-secret = Cấp hình/PIN mới

# Rosters
roster-title = Nhập danh sách lớp
roster-lead = Tải lên một tệp CSV (UTF-8) với các cột sau. Cả tệp được kiểm tra trước: nếu có dòng sai, không có gì được nhập và mọi dòng sai đều được liệt kê. Nhập lại cùng một tệp không thay đổi gì.
roster-col-role = role: student (học sinh) hoặc teacher (giáo viên). Một giáo viên dạy nhiều lớp thì có nhiều dòng.
roster-col-key = key: mã học sinh của trường (không đổi giữa các lần nhập), hoặc tên đăng nhập của giáo viên.
roster-col-family = family: anh chị em ruột ghi cùng một nhãn để chung một gia đình (một mã gia đình cho cha mẹ).
roster-col-secret = secret: để trống để tự tạo (hình cho trẻ nhỏ, PIN cho trẻ lớn), hoặc ghi 4 chữ số, hoặc hai hình như sun+dog.
roster-file = Tệp danh sách (CSV)
roster-submit = Kiểm tra và nhập
roster-bad-rows = Có { $count } lỗi; chưa nhập gì. Hãy sửa tệp rồi tải lên lại.
roster-done = Đã nhập { $rows } dòng: thêm { $classes } lớp; học sinh: thêm { $s_added }, sửa { $s_updated }, giữ nguyên { $s_unchanged }; giáo viên: thêm { $t_added }, sửa { $t_updated }, giữ nguyên { $t_unchanged }.
roster-new-teachers = Mật khẩu đầu tiên của giáo viên mới
roster-new-teachers-hint = Chỉ hiện một lần. Hãy trao riêng cho từng thầy cô.
roster-first-password = Mật khẩu đầu tiên
roster-no-file = Chưa chọn tệp, hoặc tệp trống.
roster-too-big = Tệp quá lớn (tối đa 2 MB).
roster-not-utf8 = Tệp không ở dạng UTF-8. Trong bảng tính, hãy lưu dưới dạng "CSV UTF-8".
roster-problem-header = Dòng { $row }: dòng tiêu đề là "{ $value }"; cần đúng: school_code,school_year,class,role,key,name,birth_year,family,secret
roster-problem-unreadable = Dòng { $row }: không đọc được dạng CSV ({ $value }).
roster-problem-field-count = Dòng { $row }: có { $value } cột; cần 9.
roster-problem-empty = Dòng { $row }: cột { $value } đang trống.
roster-problem-too-long = Dòng { $row }: cột { $value } dài quá 100 ký tự.
roster-problem-unknown-school = Dòng { $row }: không có đơn vị nào có mã "{ $value }".
roster-problem-not-your-school = Dòng { $row }: đơn vị "{ $value }" không thuộc đơn vị của bạn.
roster-problem-school-year = Dòng { $row }: năm học "{ $value }" phải có dạng 2026-2027.
roster-problem-role = Dòng { $row }: vai trò "{ $value }" phải là student hoặc teacher.
roster-problem-username = Dòng { $row }: tên đăng nhập "{ $value }" chỉ gồm 3–40 chữ a–z, chữ số, dấu chấm, gạch dưới, gạch ngang.
roster-problem-birth-year = Dòng { $row }: năm sinh "{ $value }" không phải là một năm hợp lệ.
roster-problem-secret = Dòng { $row }: "{ $value }" không phải mã PIN 4 chữ số hay hai hình như sun+dog.
roster-problem-not-for-teachers = Dòng { $row }: cột { $value } chỉ dành cho học sinh; để trống với giáo viên.
roster-problem-duplicate = Dòng { $row }: trùng người và lớp với dòng { $value }.
roster-problem-username-taken = Dòng { $row }: tên đăng nhập "{ $value }" đã thuộc về một người không phải giáo viên.
password-title = Đổi mật khẩu
password-current = Mật khẩu hiện tại
password-new = Mật khẩu mới
password-submit = Đổi mật khẩu
password-changed = Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.

# Learning: progress and results
quiz-sign-in-first = Hãy đăng nhập để bài làm của bạn được lưu và chấm điểm.
quiz-submit = Nộp bài
progress-best = Điểm cao nhất: { $percent }%
progress-completed = ✓ Đã hoàn thành
progress-seen = Đã đọc { $seen } bài
result-title = Kết quả
result-score = Đúng { $correct } / { $total } câu ({ $percent }%)
result-passed = Tuyệt vời! Bạn đã đạt (cần { $mark }%).
result-not-yet = Chưa đạt lần này (cần { $mark }%) — không sao cả! Hãy đọc lời giải thích bên dưới rồi thử lại nhé.
result-right = Đúng
result-wrong = Chưa đúng
result-your-choice = bạn đã chọn
result-right-answer = đáp án đúng
result-try-again = Làm lại
result-back = Về bài học
