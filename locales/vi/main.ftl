# SafeSteps interface — Vietnamese (the default language).
# Every key here must also exist in locales/en/main.ftl (a test checks).

app-name = Bước An Toàn
app-title = Bước An Toàn — học kỹ năng bảo vệ trẻ em
skip-to-content = Chuyển đến nội dung chính

nav-menu = Menu
nav-label = Điều hướng chính
nav-home = Trang chủ
nav-sign-in = Đăng nhập
nav-learn = Học tập
nav-classes = Lớp của tôi
nav-school = Toàn trường
nav-people = Tài khoản và gia đình

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
not-found-body = Không có trang này, hoặc trang đã được chuyển đi.
not-found-home = Về trang chủ

nav-modules = Bài học
loading = Đang tải…
content-fallback = Phần này chưa được dịch sang ngôn ngữ đã chọn nên đang hiển thị bằng tiếng Việt.
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
module-prerequisites = Học trước
module-prerequisites-bind = Cán bộ cần hoàn thành các học phần này trước khi làm bài kiểm tra của học phần này (bài học vẫn đọc được).
module-prerequisites-advice = Nên học các học phần này trước.
quiz-prerequisites-first = Hãy hoàn thành các học phần sau trước khi làm bài kiểm tra này:
error-prerequisites-first = Chưa làm được bài kiểm tra này: hãy hoàn thành các học phần cần học trước (xem trang học phần).
module-lessons = Các bài
module-start = Bắt đầu bài đầu tiên
module-continue = Học tiếp bài { $number }
module-read-again = Đọc lại từ bài đầu
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
sign-in-signed-out = Đã đăng xuất. Hẹn gặp lại!
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
sign-up-lead = Nhập mã gia đình in trên giấy nhà trường gửi. Lần sau, anh/chị chỉ cần số điện thoại và mật khẩu.
sign-up-family-code = Mã gia đình
sign-up-name = Họ và tên của anh/chị
sign-up-password = Chọn mật khẩu
sign-up-submit = Tạo tài khoản
sign-up-have-account = Đã có tài khoản? Đăng nhập
sign-up-unknown-family = Không tìm thấy mã gia đình này. Hãy xem lại giấy nhà trường gửi.
sign-up-used-family = Mã gia đình trong giấy này đã được dùng (mỗi mã chỉ dùng được một lần). Hãy xin nhà trường một giấy mới có mã mới.
sign-up-phone-taken = Số điện thoại này đã có tài khoản. Hãy đăng nhập.
password-hint = Ít nhất 15 ký tự. Một câu ngắn dễ nhớ là tốt nhất, ví dụ: "mùa xuân hoa ban nở trắng núi".
password-too-short = Mật khẩu quá ngắn: cần ít nhất 15 ký tự. Hãy dùng một câu ngắn dễ nhớ.
password-too-long = Mật khẩu quá dài: tối đa 256 ký tự.
password-guessable = Mật khẩu này quá dễ đoán (phổ biến, đã bị lộ, hoặc dựa trên tên, số điện thoại). Hãy chọn câu khác.
error-server = Có lỗi ở máy chủ. Hãy thử lại sau ít phút.
error-csrf = Biểu mẫu đã hết hạn hoặc không đến từ trang này. Hãy quay lại, tải lại trang và thử lại.
error-forbidden = { $voice ->
    [child] Trang này không dành cho em.
   *[adult] Tài khoản này không có quyền xem trang này.
}
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
account-title = Tài khoản của tôi
account-role = Vai trò
account-unit = Đơn vị
account-username = Tên đăng nhập
account-phone = Số điện thoại
account-class = Lớp
account-birth-year = Năm sinh
account-children = Con của anh/chị
account-go-learn = Vào học
classes-title = Lớp của tôi
classes-none = Chưa có lớp nào.
classes-class = Lớp
classes-school = Trường
classes-year = Năm học
classes-code = Mã lớp
classes-print-cards = In thẻ đăng nhập
classes-print-hint = Mỗi em một thẻ: mã lớp, tên và hình bí mật (hoặc mã PIN). Cắt theo đường viền.
classes-reset-done = Đã mở khóa cho { $name }.
classes-student = Học sinh
classes-secret = Hình bí mật / PIN
classes-state = Trạng thái
classes-actions = Thao tác
classes-locked = Bị khóa
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
roster-classes = Các lớp trong tệp
roster-classes-hint = Mỗi lớp: mã lớp để học sinh đăng nhập, thẻ đăng nhập để in, và thư gửi gia đình (có mã gia đình).
roster-classes-teachers = Giáo viên
roster-classes-students = Học sinh
roster-classes-print = In
roster-first-password = Mật khẩu đầu tiên
upload-no-file = Chưa chọn tệp, hoặc tệp trống.
upload-too-big = Tệp quá lớn (tối đa 2 MB).
upload-not-utf8 = Tệp không ở dạng UTF-8. Trong bảng tính, hãy lưu dưới dạng "CSV UTF-8".
roster-problem-header = Dòng { $row }: dòng tiêu đề là "{ $value }"; cần đúng: school_code,school_year,class,role,key,name,birth_year,family,secret
roster-problem-unreadable = Dòng { $row }: không đọc được dạng CSV ({ $value }).
roster-problem-field-count = Dòng { $row }: có { $value } cột; cần 9.
roster-problem-empty = Dòng { $row }: cột { $value } đang trống.
roster-problem-too-long = Dòng { $row }: cột { $value } dài quá 100 ký tự.
roster-problem-unknown-school = Dòng { $row }: không có đơn vị nào có mã "{ $value }".
roster-problem-not-your-school = Dòng { $row }: đơn vị "{ $value }" không thuộc các đơn vị anh/chị quản lý.
roster-problem-school-year = Dòng { $row }: năm học "{ $value }" phải có dạng 2026-2027.
roster-problem-role = Dòng { $row }: vai trò "{ $value }" phải là student hoặc teacher.
roster-problem-username = Dòng { $row }: tên đăng nhập "{ $value }" chỉ gồm 3–40 chữ a–z, chữ số, dấu chấm, gạch dưới, gạch ngang.
roster-problem-birth-year = Dòng { $row }: năm sinh "{ $value }" không phải là một năm hợp lệ.
roster-problem-secret = Dòng { $row }: "{ $value }" không phải mã PIN 4 chữ số hay hai hình như sun+dog.
roster-problem-not-for-teachers = Dòng { $row }: cột { $value } chỉ dành cho học sinh; để trống với giáo viên.
roster-problem-duplicate = Dòng { $row }: trùng người và lớp với dòng { $value }.
roster-problem-username-taken = Dòng { $row }: tên đăng nhập "{ $value }" đã thuộc về một người không phải giáo viên.
roster-problem-not-in-your-units = Dòng { $row }: "{ $value }" không thuộc các đơn vị anh/chị quản lý.
staff-title = Nhập tài khoản cán bộ
staff-lead = Tải lên một tệp CSV (UTF-8) với các cột unit_code (mã đơn vị), role (vai trò), username (tên đăng nhập), name (họ tên). Mỗi người một dòng. Cả tệp được kiểm tra trước: nếu có dòng sai, không có gì được nhập và mọi dòng sai đều được liệt kê. Nhập lại cùng một tệp không thay đổi gì; tệp chỉ sửa được họ tên, không chuyển người sang đơn vị khác hay đổi vai trò.
staff-roles-yours = Vai trò anh/chị được cấp (ghi đúng mã ở cột role):
staff-kinds = Giáo viên và cán bộ quản lý trường thuộc một trường; nhân viên y tế thuộc một trạm y tế; cán bộ bảo vệ trẻ em và công an thuộc xã, phường hoặc tỉnh.
staff-file = Tệp danh sách cán bộ (CSV)
staff-done = Đã nhập { $rows } dòng: thêm { $added } tài khoản, sửa { $updated }, giữ nguyên { $unchanged }.
staff-new-accounts = Mật khẩu đầu tiên của tài khoản mới
staff-new-accounts-hint = Chỉ hiện một lần. Hãy in hoặc chép lại, trao riêng cho từng người; họ sẽ phải đổi mật khẩu ở lần đăng nhập đầu.
staff-problem-header = Dòng { $row }: dòng tiêu đề là "{ $value }"; cần đúng: unit_code,role,username,name
staff-problem-unreadable = Dòng { $row }: không đọc được dạng CSV ({ $value }).
staff-problem-field-count = Dòng { $row }: có { $value } cột; cần 4.
staff-problem-empty = Dòng { $row }: cột { $value } đang trống.
staff-problem-too-long = Dòng { $row }: cột { $value } dài quá 100 ký tự.
staff-problem-role = Dòng { $row }: vai trò "{ $value }" phải là một trong: school-manager, teacher, protection-officer, health-worker, police-officer, unit-manager.
staff-problem-username = Dòng { $row }: tên đăng nhập "{ $value }" chỉ gồm 3–40 chữ a–z, chữ số, dấu chấm, gạch dưới, gạch ngang.
staff-problem-unknown-unit = Dòng { $row }: không có đơn vị nào có mã "{ $value }".
staff-problem-not-your-unit = Dòng { $row }: đơn vị "{ $value }" không thuộc các đơn vị anh/chị quản lý.
staff-problem-not-your-role = Dòng { $row }: anh/chị không được cấp vai trò { $value }; cấp trên hoặc quản trị hệ thống cấp vai trò này.
staff-problem-unit-kind = Dòng { $row }: vai trò này chỉ được tính ở đơn vị loại { $value }.
staff-problem-duplicate = Dòng { $row }: trùng tên đăng nhập với dòng { $value }.
staff-problem-elsewhere = Dòng { $row }: "{ $value }" đã có vai trò hoặc đơn vị khác; hãy đổi ở trang Tài khoản và gia đình.
staff-problem-not-in-your-units = Dòng { $row }: "{ $value }" không thuộc các đơn vị anh/chị quản lý.
staff-problem-too-many = Tệp có { $value } dòng; mỗi lần nhập tối đa 2.000 dòng. Hãy chia tệp theo đơn vị.
password-title = Đổi mật khẩu
password-current = Mật khẩu hiện tại
password-new = Mật khẩu mới
password-submit = Đổi mật khẩu
password-changed = Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.

# Learning: progress and results
quiz-sign-in-first = Hãy đăng nhập để bài làm được lưu và chấm điểm.
quiz-submit = Nộp bài
quiz-answers-kept = { $voice ->
    [child] Bài làm của em vẫn còn đây. Em hãy xem lại rồi bấm Nộp bài.
   *[adult] Bài làm vẫn còn đây. Hãy xem lại rồi bấm Nộp bài.
}
quiz-send-failed = Chưa gửi được bài làm. Các câu trả lời vẫn còn nguyên — hãy kiểm tra mạng rồi bấm Nộp bài lần nữa.
sign-in-answers-kept = Phiên đăng nhập đã hết hạn trong lúc đang làm bài. Bài làm đã được giữ lại: hãy đăng nhập lại, bài sẽ được nộp ngay.
progress-best = Điểm cao nhất: { $percent }%
progress-completed = ✓ Đã hoàn thành
progress-seen = Đã đọc { $seen } bài
result-title = Kết quả
result-score = Đúng { $correct } / { $total } câu ({ $percent }%)
result-passed = { $voice ->
    [child] Tuyệt vời! Em đã đạt (cần { $mark }%).
   *[adult] Tuyệt vời! Anh/chị đã đạt (cần { $mark }%).
}
result-not-yet = { $voice ->
    [child] Chưa đạt lần này (cần { $mark }%) — không sao cả! Em hãy đọc lại bài học rồi thử lại nhé. Lần sau sẽ có câu hỏi khác.
   *[adult] Chưa đạt lần này (cần { $mark }%). Hãy xem lại bài học rồi thử lại; lần sau sẽ có câu hỏi khác.
}
result-review-lessons = { $voice ->
    [child] Em hãy đọc lại những bài này:
   *[adult] Xem lại các bài học này:
}
result-right = Đúng
result-wrong = Chưa đúng
result-your-choice = { $voice ->
    [child] em đã chọn
   *[adult] anh/chị đã chọn
}
result-right-answer = đáp án đúng
result-try-again = Làm lại
result-back = Về bài học
quiz-unanswered-confirm = Còn # câu chưa trả lời. Vẫn nộp bài chứ?
result-no-answer = Chưa trả lời
result-unanswered = { $count } câu chưa được trả lời (câu { $which }); câu bỏ trống được tính là chưa đúng.
quiz-changed = Bộ câu hỏi này đã đổi: bài trước đã được nộp hoặc đã có bộ câu hỏi mới. Hãy trả lời các câu dưới đây.
quiz-reread-first = { $voice ->
    [child] Em hãy đọc lại các bài học này rồi làm lại bài kiểm tra:
   *[adult] Hãy đọc lại các bài học sau rồi làm lại bài kiểm tra:
}
quiz-reread-objectives = { $voice ->
    [child] Những điều em cần nhớ:
   *[adult] Những điều cần nắm vững:
}
result-reread = { $voice ->
    [child] Em chưa đạt hai lần liền. Trước khi làm lại, em hãy đọc lại các bài học này:
   *[adult] Chưa đạt hai lần liền. Trước khi làm lại, hãy đọc lại các bài học sau:
}
result-lessons-left = Đã đạt bài kiểm tra. Để hoàn thành học phần, còn { $count } bài học cần đọc:
certificate-link = Giấy chứng nhận
certificate-title = Giấy chứng nhận hoàn thành
certificate-certifies = Chứng nhận
certificate-completed = đã hoàn thành học phần
certificate-date = Ngày
certificate-code = Mã xác minh
certificate-view = Xem giấy chứng nhận
certificate-issuer = Đơn vị cấp:
certificate-check-at = Kiểm tra giấy chứng nhận này tại:
certificate-list-title = Giấy chứng nhận
learn-hello = Chào
learn-continue-title = Học tiếp
learn-for-you = { $voice ->
    [child] Dành cho em
   *[adult] Dành cho anh/chị
}
learn-children = Con của anh/chị đang học
learn-child-progress = đã hoàn thành { $completed } học phần, đã bắt đầu { $started }
learn-lessons-read = Đã đọc { $seen } / { $total } bài
learn-start = Bắt đầu
learn-continue = Học tiếp
learn-all-modules = Xem tất cả bài học
error-not-found = Không tìm thấy trang hoặc mục này.
error-too-big = Nội dung gửi lên quá lớn.
error-bad-request = Địa chỉ hoặc biểu mẫu gửi lên không đọc được. Hãy quay lại trang trước và thử lại.
error-bad-form = Biểu mẫu gửi lên không đúng. Hãy tải lại trang và thử lại.
quiz-reload = Bài làm này thiếu mã nộp bài. Hãy tải lại câu đố và nộp lại.

# Assignments
assign-title = Bài được giao
assign-done = Đã giao bài cho lớp.
assign-none = Lớp chưa được giao bài nào.
assign-module = Bài học
assign-due = Hạn hoàn thành
assign-completed = Đã hoàn thành
assign-completed-count = { $done } / { $all } học sinh
assign-overdue = Quá hạn
assign-remove = Bỏ giao
assign-remove-confirm = Bỏ giao bài "{ $title }" cho lớp này. Các em không còn thấy hạn nộp; những gì các em đã học vẫn được giữ.
assign-progress = Tiến độ từng học sinh
assign-not-started = Chưa làm
assign-passed-lessons-left = Đã đạt, còn { $count } bài chưa đọc
assign-new = Giao bài mới
assign-submit = Giao bài
assign-error-date = Hãy chọn một ngày hợp lệ.
assign-error-past = Hạn hoàn thành không thể là ngày đã qua.
assign-error-far = Hạn hoàn thành quá xa: hãy chọn một ngày trong năm học.
assign-error-module = Không có bài học này.
assign-error-not-for-students = Bài này dành cho người lớn, không giao cho học sinh được.
learn-assigned = Thầy cô giao cho em
learn-overdue = Đã quá hạn { $days } ngày (hạn { $date })
learn-due-today = Hạn là hôm nay ({ $date })
learn-due-in = Còn { $days } ngày (hạn { $date })
learn-due-on = Hạn { $date }
sign-in-lookup-wait = Máy này đã nhập sai mã lớp quá nhiều lần. Em hãy đợi { $minutes } phút rồi thử lại, hoặc nhờ thầy cô giúp.
classes-new-secret-done = { $name } đã có hình/PIN mới (xem ở dòng của em ấy). Hình/PIN cũ không dùng được nữa và em ấy đã được đăng xuất ở mọi máy.
classes-recent-failures = Trong 15 phút qua có { $count } lần thử sai vào tên học sinh của lớp.
classes-slowed = Trong 15 phút qua có { $count } lần thử sai vào tên học sinh của lớp: có thể có người đang thử lần lượt từng tên. Cả lớp phải đợi một lúc mới đăng nhập được. Hãy hỏi xem ai đang dùng mã lớp.
classes-failures-today = { $count } lần thử sai hôm nay, từ { $clients } máy
classes-secrets-hidden = Hình bí mật và mã PIN được che đi để không lộ khi trình chiếu. Bấm "Xem" ở từng dòng, hoặc in thẻ đăng nhập.
classes-show-secret = Xem
classes-new-secret-confirm = Cấp hình/PIN mới cho { $name }? Hình/PIN cũ sẽ không dùng được nữa, em ấy bị đăng xuất ở mọi máy và cần thẻ đăng nhập mới.
classes-new-secret-yes = Đồng ý, cấp mới
quiz-too-many-kept = Máy này đang giữ quá nhiều bài làm chưa gửi. Hãy đăng nhập để gửi bài.
error-password-first = Hãy đổi mật khẩu tạm thời trước đã.
sign-up-family-full = Gia đình này đã có hai tài khoản phụ huynh. Hãy liên hệ nhà trường.
password-first = Anh/chị đang dùng mật khẩu tạm thời. Hãy chọn mật khẩu của riêng mình trước khi tiếp tục.
people-title = Tài khoản và gia đình
people-staff-parents = Cán bộ, giáo viên và phụ huynh
people-reset-hint = Ai quên mật khẩu: bấm "Cấp mã đặt lại" và đưa mã cho người đó. Mã chỉ hiện một lần, dùng được một lần trong một ngày, tại trang "Quên mật khẩu". Bấm vào tên một cán bộ để chuyển đơn vị, đổi vai trò hoặc ngừng tài khoản khi họ nghỉ việc.
person-change = Chuyển đơn vị hoặc đổi vai trò
person-change-hint = Chỉ những đơn vị anh/chị quản lý và những vai trò anh/chị được cấp. Người chuyển sang trường khác không còn phụ trách các lớp của trường cũ; số liệu báo cáo được tính lại theo đơn vị mới.
person-change-submit = Lưu thay đổi
person-changed-done = Đã lưu: đơn vị và vai trò mới có hiệu lực ngay, số liệu báo cáo đã được tính lại.
person-problem-role = Không đổi được: anh/chị không được cấp hay quản lý vai trò { $value }.
person-problem-unit-kind = Không đổi được: vai trò này chỉ được tính ở đơn vị loại { $value }.
person-no-role = Chưa đổi: hãy chọn một vai trò.
person-deactivate = Ngừng tài khoản
person-deactivate-confirm = { $name } đã nghỉ việc hoặc chuyển đi: ngừng tài khoản. Người này không đăng nhập được nữa và không còn được tính trong số liệu; lịch sử học vẫn được giữ, và có thể mở lại tài khoản.
person-deactivate-yes = Ngừng tài khoản
person-deactivated = Tài khoản đã ngừng
person-deactivated-done = Đã ngừng tài khoản; số liệu báo cáo đã được tính lại.
person-reactivate = Mở lại tài khoản
person-reactivated-done = Đã mở lại tài khoản; người này đăng nhập lại bằng mật khẩu cũ hoặc mã đặt lại.
people-families = Gia đình học sinh
people-families-hint = Mỗi gia đình có một mã gia đình để phụ huynh đăng ký; tối đa hai phụ huynh. Mã đã dùng được thay bằng mã mới: in lại thư nếu người thứ hai cần đăng ký.
people-none = Chưa có ai.
people-name = Họ tên
people-sign-in-as = Đăng nhập bằng
people-reset = Cấp mã đặt lại
people-reset-pending = Có mã đặt lại đến { $until }
people-first-password = Chưa đổi mật khẩu đầu tiên
people-new-code = Cấp mã gia đình mới
people-new-code-confirm = Cấp mã mới cho gia đình này: giấy đã gửi về nhà sẽ không dùng được nữa. Hãy in và gửi giấy mới.
people-no-parents = Chưa có phụ huynh nào liên kết.
people-unlink = Bỏ liên kết
people-unlink-confirm = Bỏ liên kết { $name } với gia đình này: người này không còn xem được việc học của các con; tài khoản vẫn còn.
people-linked-on = liên kết ngày { $date }
people-reset-issued = Mã đặt lại mật khẩu cho { $name } (dùng được đến { $until }):
people-reset-once = Mã chỉ hiện một lần này. Hãy đưa trực tiếp cho người đó; đừng gửi qua nơi người khác đọc được.
people-unlinked = Đã bỏ liên kết phụ huynh với gia đình.
people-new-code-done = Đã cấp mã gia đình mới; mã cũ không dùng được nữa. Hãy in thư mới.
letters-print-all = In thư gửi gia đình
letters-title = Thư gửi gia đình
letters-hint = Mỗi thư một em: tên em, lớp, mã gia đình, địa chỉ đăng ký và số 111. Dùng lệnh in của trình duyệt.
letters-greeting = Kính gửi phụ huynh
letters-intro = SafeSteps (Bước An Toàn) giúp cha mẹ học cách bảo vệ con và theo dõi việc học kỹ năng an toàn của em
letters-step-1 = 1. Mở trang
letters-step-2 = 2. Nhập mã gia đình
letters-step-3 = 3. Nhập họ tên, số điện thoại của anh/chị và chọn một mật khẩu. Mỗi gia đình tối đa hai phụ huynh; mã chỉ dùng được một lần.
reset-title = Quên mật khẩu
reset-lead = Nhà trường đã cấp cho anh/chị một mã đặt lại. Nhập tên đăng nhập (hoặc số điện thoại nếu là phụ huynh), mã đó và mật khẩu mới.
reset-who = Tên đăng nhập hoặc số điện thoại
reset-code = Mã đặt lại
reset-submit = Đặt mật khẩu mới và đăng nhập
sign-in-forgot = Quên mật khẩu? Nhờ nhà trường cấp mã đặt lại
classes-print-letters = In thư gửi gia đình
nav-coverage = Báo cáo
coverage-title = Độ bao phủ
coverage-breadcrumb = Các cấp đơn vị
coverage-period = Năm { $year }, số liệu đến { $until } (tính lúc { $computed }).
coverage-closed-banner = Báo cáo đã chốt, phiên bản { $version }, do { $by } chốt lúc { $at }. Số liệu giữ nguyên như lúc chốt.
coverage-see-live = Xem số liệu hiện tại
coverage-band-rule = Mốc so sánh: mỗi chỉ tiêu được kỳ vọng tăng đều từ 0% ngày { $start } đến ngưỡng vào hạn; "Chậm" là từ { $behind }% mức kỳ vọng, dưới đó là "Rất chậm".
coverage-suppression-rule = Để không nhận ra được từng em, số học sinh và gia đình dưới 5 được ghi "dưới 5", cùng với một số ô khác trong cột để không tính ngược ra được. Tỷ lệ được làm tròn đến 0,1%: từ 0,05 trở lên làm tròn lên; chưa đủ mọi người thì không ghi 100%.
coverage-year = Năm
coverage-show = Xem
coverage-download-csv = Tải CSV
coverage-download-xlsx = Tải Excel (XLSX)
coverage-print = Bản in
coverage-close = Chốt báo cáo năm { $year }
coverage-close-explain = Số liệu hôm nay sẽ được lưu lại thành một phiên bản không đổi, dùng để gửi cấp trên. Chốt lại lần nữa sẽ tạo phiên bản mới; phiên bản cũ vẫn còn.
coverage-close-yes = Chốt báo cáo
coverage-closed-reports = Các báo cáo đã chốt
coverage-closed-item = Năm { $year }, phiên bản { $version } — { $by }, { $at }
coverage-card-institutions = { $reached } trên { $all } cơ sở đạt (mọi người đã được tập huấn) · { $people } trên { $registered } người đã được tập huấn
coverage-card-official = { $reached } trên { $all } (số liệu chính thức; { $registered } đã đăng ký trên SafeSteps)
coverage-card-registered = { $reached } trên { $all } người đã đăng ký
coverage-card-target = Chỉ tiêu { $threshold }%
coverage-card-untrained = { $count } người chưa được tập huấn
coverage-band-met = Đạt
coverage-band-on-track = Đúng tiến độ
coverage-band-behind = Chậm
coverage-band-far-behind = Rất chậm
coverage-flag-no-official-count = Chưa có số liệu chính thức: tỷ lệ tính trên số người đã đăng ký.
coverage-flag-official-below-registered = Số liệu chính thức ít hơn số đã đăng ký: hãy kiểm tra lại số liệu.
coverage-flag-most-not-registered = Hơn một nửa số người trong số liệu chính thức chưa đăng ký SafeSteps.
coverage-official-source = Nguồn: { $source }, ngày { $date } (năm { $year })
coverage-fewer-than-5 = dưới 5
coverage-summary-title = Tổng hợp { $unit }, năm { $year }
coverage-by-unit = theo đơn vị
coverage-trend = theo tháng
coverage-trend-none = Chưa có ai đạt nên chưa có biểu đồ theo tháng.
coverage-untrained = người chưa được tập huấn
coverage-untrained-more = … và { $count } người nữa
coverage-counts-people = người
coverage-counts-households = hộ gia đình
coverage-counts-units = đơn vị
coverage-closed-yes = Đã chốt
coverage-closed-no = Chưa chốt
coverage-computed-at = Tính lúc
coverage-col-target = Chỉ tiêu
coverage-col-counts = Đếm theo
coverage-col-reached = Đã đạt
coverage-col-official = Số chính thức
coverage-col-registered = Đã đăng ký
coverage-col-coverage = Tỷ lệ (%)
coverage-col-of-registered = Tỷ lệ trên số đăng ký (%)
coverage-col-threshold = Ngưỡng (%)
coverage-col-expected = Kỳ vọng hôm nay (%)
coverage-col-status = Tình trạng
coverage-col-deadline = Hạn
coverage-col-people-reached = Số người đã tập huấn
coverage-col-people-registered = Số người đã đăng ký
coverage-col-notes = Ghi chú
coverage-col-unit = Đơn vị
coverage-col-code = Mã
coverage-col-closed = Báo cáo
coverage-col-month = Tháng
coverage-col-name = Họ tên
coverage-col-year = Năm
counts-title = Số liệu chính thức
counts-lead = Tải lên số liệu chính thức (số học sinh, số hộ có trẻ em, số cán bộ…) để tính tỷ lệ bao phủ. Mỗi dòng: mã đơn vị, chỉ tiêu, năm, số lượng, nguồn, ngày số liệu. Tệp CSV UTF-8, có dòng tiêu đề như sau:
counts-targets-hint = Chỉ tiêu: families, students, child-protection-staff, education, health, police. Tải lại cùng đơn vị, chỉ tiêu và năm sẽ thay số cũ.
counts-targets = Các chỉ tiêu (ghi mã ở cột target)
counts-col-target = Mã
counts-col-kinds = Loại đơn vị
counts-loaded = Số liệu đã tải lên
counts-none-loaded = Chưa có số liệu chính thức nào cho các đơn vị của anh/chị.
counts-col-source = Nguồn
counts-col-as-of = Ngày số liệu
counts-col-loaded = Ngày tải lên
counts-template = Tải tệp mẫu (các đơn vị của anh/chị, năm nay)
counts-file = Tệp CSV
counts-submit = Tải lên
counts-done = Đã nhập { $rows } dòng: thêm { $added }, sửa { $updated }, giữ nguyên { $unchanged }.
counts-problem-header = Dòng { $row }: dòng tiêu đề là "{ $value }"; cần đúng như mẫu.
counts-problem-unreadable = Dòng { $row }: không đọc được ({ $value }).
counts-problem-field-count = Dòng { $row }: có { $value } cột; cần 6 cột.
counts-problem-unknown-unit = Dòng { $row }: không có đơn vị nào có mã "{ $value }".
counts-problem-not-your-unit = Dòng { $row }: đơn vị "{ $value }" không thuộc các đơn vị anh/chị quản lý.
counts-problem-target = Dòng { $row }: "{ $value }" không phải chỉ tiêu của kế hoạch.
counts-problem-year = Dòng { $row }: năm "{ $value }" không hợp lệ.
counts-problem-count = Dòng { $row }: số lượng "{ $value }" phải là số nguyên từ 0 đến 10.000.000.
counts-problem-source = Dòng { $row }: cần ghi nguồn số liệu (tối đa 200 ký tự).
counts-problem-as-of = Dòng { $row }: ngày "{ $value }" phải có dạng NN/TT/NNNN (hoặc NNNN-TT-NN) và không sau hôm nay.
counts-problem-duplicate = Dòng { $row }: trùng đơn vị, chỉ tiêu và năm với dòng { $value }.

# Personal data (Law 91/2025/QH15)
privacy-title = Thông báo về dữ liệu cá nhân
privacy-title-lower = thông báo về dữ liệu cá nhân
privacy-version = Phiên bản ngày { $version }
privacy-lead = Bước An Toàn xử lý dữ liệu cá nhân theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (có hiệu lực từ 01/01/2026). Dữ liệu của trẻ em được bảo vệ đặc biệt: chỉ giữ điều cần cho việc học, và trong số liệu tổng hợp không bao giờ nhận ra được một em.
privacy-what-title = Lưu những gì
privacy-what-students = Học sinh: họ tên, năm sinh, lớp, trường, hình bí mật hoặc mã PIN để đăng nhập, bài đã đọc, bài làm và điểm. Không lưu số điện thoại, địa chỉ hay ảnh của em. Nhà trường nhập các thông tin này (danh sách lớp) theo trách nhiệm của nhà trường.
privacy-what-parents = Phụ huynh: họ tên, số điện thoại, mật khẩu (chỉ lưu dạng mã băm argon2id), hộ gia đình và con được liên kết, việc học của mình, ngày đồng ý và phiên bản thông báo đã đồng ý.
privacy-what-staff = Cán bộ: họ tên, tên đăng nhập, vai trò, đơn vị, mật khẩu (dạng mã băm), việc học và giấy chứng nhận.
privacy-what-all = Với mọi người: phiên đăng nhập (chỉ lưu mã băm), các lần đăng nhập sai cùng địa chỉ máy (để chống dò mật khẩu), và nhật ký các thao tác quan trọng.
privacy-why-title = Để làm gì
privacy-why = Để dạy kỹ năng phòng, chống bạo lực, xâm hại trẻ em; để thầy cô giao bài và biết lớp cần ôn gì; để các cấp báo cáo tỷ lệ được tập huấn theo Kế hoạch 675/KH-UBND — chỉ bằng số liệu tổng hợp, số dưới 5 được ghi "dưới 5"; và để giữ tài khoản an toàn. Không quảng cáo, không bán, không chia sẻ cho bên thứ ba.
privacy-who-title = Ai được xem
privacy-who = Việc học của học sinh: chính em, thầy cô của lớp, ban giám hiệu nhà trường và phụ huynh đã liên kết. Tài khoản phụ huynh: chính phụ huynh và nhà trường (để hỗ trợ tài khoản). Cán bộ: chính mình và người quản lý đơn vị. Cấp xã, phường, tỉnh chỉ thấy số liệu tổng hợp.
privacy-how-long-title = Giữ trong bao lâu
privacy-how-long-accounts = Tài khoản và việc học: giữ khi người đó còn học hoặc làm việc tại đơn vị. Học sinh chuyển đi được nhà trường xoá cùng toàn bộ tiến độ học; số liệu báo cáo được tính lại ngay.
privacy-how-long-sessions = Phiên đăng nhập không dùng tới: xoá sau { $days } ngày.
privacy-how-long-kept = Bài làm được giữ tạm khi phiên đăng nhập hết hạn: xoá sau { $hours } giờ.
privacy-how-long-failures = Các lần đăng nhập sai và mã lớp nhập sai: xoá sau { $hours } giờ.
privacy-how-long-audit = Nhật ký thao tác: xoá sau { $days } ngày.
privacy-rights-title = Quyền được biết, được sửa, được xoá
privacy-rights = Phụ huynh và cán bộ tự tải bản sao mọi dữ liệu về mình (và về con) tại trang Dữ liệu của tôi. Để sửa, xoá hoặc rút lại sự đồng ý, hãy liên hệ nhà trường (với dữ liệu của học sinh) hoặc đơn vị quản lý; hiệu trưởng xoá được dữ liệu của học sinh đã chuyển đi.
privacy-help = Nếu em đang gặp nguy hiểm hoặc cần người lắng nghe, hãy gọi 111 — miễn phí, cả ngày lẫn đêm.
privacy-my-data = Dữ liệu của tôi
privacy-data-lead = Đây là mọi dữ liệu Bước An Toàn đang lưu về anh/chị (và về con, nếu là phụ huynh). Có thể tải về dạng JSON.
privacy-data-download = Tải về (JSON)
privacy-data-made = Tài khoản tạo lúc
privacy-data-consent = Đã đồng ý thông báo
privacy-data-lessons = Bài đã đọc
privacy-data-attempts = Bài làm
privacy-data-completions = Học phần đã hoàn thành
privacy-data-sessions = Phiên đăng nhập
privacy-data-events = Nhật ký thao tác
privacy-data-none = Chưa có.
sign-up-consent = Tôi đã đọc và đồng ý với
sign-up-consent-needed = Hãy đọc thông báo về dữ liệu cá nhân và đánh dấu đồng ý để tạo tài khoản.
classes-delete = Xoá học sinh đã chuyển đi
classes-delete-confirm = Xoá vĩnh viễn { $name } cùng toàn bộ tiến độ học. Không hoàn tác được.
classes-delete-yes = Xoá
classes-deleted = Đã xoá học sinh cùng toàn bộ tiến độ học; số liệu báo cáo đã được tính lại.

assign-done-classes = { $count ->
    [1] Đã giao bài cho lớp.
   *[other] Đã giao bài cho { $count } lớp.
}
assign-also = Giao cùng bài này cho các lớp khác
assign-confirm-age = Bài này viết cho lứa tuổi khác với học sinh của lớp. Xem lại bên dưới; nếu vẫn muốn giao, hãy đánh dấu xác nhận rồi bấm Giao bài.
assign-age-class = Lớp { $class }: học sinh { $youngest }–{ $oldest } tuổi, không em nào ở lứa tuổi của bài.
assign-confirm-age-check = Tôi đã xem và vẫn giao bài này
assign-error-no-class = Hãy chọn ít nhất một lớp.
insight-title = Câu hỏi lớp hay sai
insight-hint = Mỗi câu hỏi, trong số học sinh được hỏi câu đó (mỗi lần làm bài hỏi một phần của ngân hàng câu hỏi): bao nhiêu em sai ở lần làm đầu tiên, và bao nhiêu em vẫn sai ở lần làm gần nhất. Câu sai nhiều nhất ở trên cùng — nên ôn lại trong buổi học tới.
insight-tried = { $count } học sinh đã làm bài kiểm tra
insight-nobody = Chưa học sinh nào làm bài kiểm tra này.
insight-question = Câu hỏi
insight-first = Sai ở lần đầu
insight-latest = Vẫn sai ở lần gần nhất
insight-first-asked = Được hỏi ở lần đầu
insight-latest-asked = Được hỏi ở lần gần nhất
insight-share = { $missed }/{ $of } ({ $percent }%)
insight-right = Đáp án đúng
export-csv = Tải bảng (CSV)
export-xlsx = Tải bảng (Excel)
record-title = Kết quả học tập của { $name }
record-assigned = Bài được giao cho lớp
record-completed-none = Chưa hoàn thành bài nào.
record-own-choice = Tự học
record-attempts = Các lần làm bài kiểm tra
record-attempts-none = Chưa làm bài kiểm tra nào.
record-lessons = Bài đã đọc
record-lessons-none = Chưa đọc bài nào.
record-when = Lúc
record-score = Điểm
record-result = Kết quả
record-passed = Đạt
record-not-passed = Chưa đạt
record-back = Về lớp
school-title-link = Toàn trường: các lớp và cán bộ
school-hint = Mọi lớp của trường với bài được giao và mức hoàn thành; lớp chậm nhất ở trên cùng. Bên dưới là cán bộ của trường và việc tập huấn của chính họ.
school-classes = Các lớp
school-students = Số học sinh
school-assigned = Bài được giao (hạn · đã hoàn thành)
school-completed = Tỉ lệ hoàn thành
school-overdue = Lượt quá hạn chưa xong
school-nothing-assigned = Chưa giao bài
school-staff = Cán bộ của trường
school-role = Vai trò
school-trained = Bài đã hoàn thành / cần học
school-missing = Còn thiếu
action-not-confirmed = Chưa làm gì: hãy đánh dấu ô xác nhận rồi bấm lại.
