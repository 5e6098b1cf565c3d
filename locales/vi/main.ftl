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
sign-in-not-yet = Chức năng đăng nhập cho học sinh, cha mẹ và cán bộ đang được xây dựng.

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
quiz-grading-later = Chức năng nộp bài và chấm điểm đang được xây dựng.
