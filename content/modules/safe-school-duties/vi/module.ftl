title = Trường học an toàn: trách nhiệm của cán bộ quản lý
summary = Nghị định 80/2017 về môi trường giáo dục an toàn, lành mạnh, thân thiện và phòng, chống bạo lực học đường: phạm vi, phát hiện, hỗ trợ, và việc nhà trường làm khi có bạo lực hay xâm hại.

objective-scope-and-violence = Biết Nghị định 80/2017 bảo vệ ai, nhận ra hành vi nào là bạo lực học đường, và biết chỉ tiêu Kế hoạch 675 đã đặt cho nhà trường.
objective-detect-assess-counsel = Tổ chức phát hiện kịp thời, đánh giá mức độ nguy cơ và tư vấn cho người học có nguy cơ.
objective-respond-at-school = Làm đúng các bước khi bạo lực xảy ra ở trường và bảo vệ học sinh đã kể.
objective-report-suspected-abuse = Báo ngay cơ quan chức năng khi nghi ngờ học sinh bị xâm hại và giữ kín thông tin nhận dạng.

q-age-17 = Một trường trung học phổ thông có nhiều học sinh lớp 12 đã 17 tuổi. Nghị định 80/2017 có bảo vệ các em không?
    .yes-under-18 = Có, vì nghị định áp dụng với người học dưới 18 tuổi
    .no-under-16 = Không, vì nghị định chỉ bảo vệ người dưới 16 tuổi
    .no-primary = Không, nghị định chỉ dành cho tiểu học và THCS
    .explanation = Nghị định 80/2017 áp dụng với mọi cơ sở giáo dục và lớp độc lập có người học dưới 18 tuổi, nên học sinh 17 tuổi vẫn được bảo vệ, ở bất kỳ cấp học nào.

q-teacher-isolates = Để phạt, một giáo viên bắt một học sinh ngồi riêng cuối lớp và cấm cả lớp chơi với em trong một tuần. Việc này là
    .isolation = Bạo lực học đường: cô lập người học
    .discipline = Một cách kỷ luật, vì không có ai đánh em
    .pupils-only = Không phải bạo lực học đường, vì do giáo viên làm
    .explanation = Cô lập, xua đuổi người học là bạo lực học đường dù không ai bị đánh. Điều này đúng với cả cán bộ, giáo viên, nhân viên: giáo viên không được cô lập học sinh "để dạy dỗ".

q-insults-harm = Theo Nghị định 80/2017, một nhóm học sinh nhiều lần lăng mạ, xúc phạm danh dự, nhân phẩm một bạn trong trường là bạo lực học đường, dù bạn ấy không bị thương.
    .explanation = Đúng. Bạo lực học đường gồm cả lăng mạ, xúc phạm danh dự, nhân phẩm và các hành vi cố ý khác gây tổn hại về tinh thần, không chỉ đánh đập.

q-which-violence = Theo Nghị định 80/2017, những việc nào xảy ra ở trường là bạo lực học đường?
    .group-beating = Vài học sinh đánh một bạn trong nhà vệ sinh
    .teacher-insult = Giáo viên lăng mạ một học sinh trước lớp
    .drive-away = Một nhóm học sinh xua đuổi một bạn khỏi chỗ chơi
    .accident = Hai em vô tình va vào nhau khi đá bóng, một em bị ngã
    .phone-rule = Giáo viên thu điện thoại học sinh dùng trong giờ theo nội quy, trả lại cuối buổi
    .explanation = Đánh đập, lăng mạ và xua đuổi người học là bạo lực học đường, dù người làm là học sinh hay giáo viên. Va chạm vô tình khi chơi hay việc thu điện thoại theo nội quy rồi trả lại không phải hành vi cố ý gây tổn hại.

q-plan-675-target = Kế hoạch 675/KH-UBND (2020–2025) của tỉnh Lai Châu đã đặt chỉ tiêu nào cho cơ quan quản lý giáo dục và cơ sở giáo dục?
    .all-institutions = 100% tuyên truyền phòng, chống bạo lực, xâm hại và can thiệp kịp thời
    .ninety-five = 95% tuyên truyền phòng, chống bạo lực, xâm hại và can thiệp kịp thời
    .incident-schools = Các trường từng có vụ bạo lực tuyên truyền phòng, chống và can thiệp kịp thời
    .explanation = Chỉ tiêu đã đặt là 100% cơ quan quản lý giáo dục và cơ sở giáo dục tuyên truyền phòng, chống bạo lực học đường, xâm hại tình dục cho cán bộ quản lý, giáo viên, nhân viên, người học và can thiệp kịp thời, không chỉ những trường đã có vụ việc.

q-aggressive-pupil = Giáo viên chủ nhiệm thấy một học sinh hay gây gổ, có nguy cơ đánh bạn. Theo Nghị định 80/2017 (Điều 6), nhà trường cần
    .assess-counsel = Đánh giá mức độ nguy cơ, rồi tham vấn, tư vấn cho em
    .suspend = Cho em tạm nghỉ học để bảo vệ các học sinh khác trong lớp
    .wait-incident = Chờ đến khi em đánh bạn thật rồi mới xử lý kỷ luật
    .explanation = Điều 6 áp dụng cả với người học có nguy cơ gây bạo lực: phát hiện kịp thời, đánh giá mức độ nguy cơ và hình thức bạo lực có thể xảy ra, rồi tham vấn, tư vấn. Chờ vụ việc xảy ra là bỏ lỡ việc phòng ngừa.

q-safe-channel = Học sinh trong trường ít khi báo việc bị bắt nạt vì sợ các bạn biết ai đã "mách". Cách nào giúp nhà trường phát hiện kịp thời?
    .private-channel = Lập một kênh để học sinh báo tin mà không sợ bị lộ
    .name-in-class = Đề nghị học sinh nêu tên người bắt nạt trong giờ sinh hoạt lớp
    .punish-silence = Kỷ luật những học sinh biết chuyện mà không chịu báo
    .explanation = Nhà trường cần một kênh để học sinh báo tin mà không sợ bị lộ, để các em dám nói. Bắt nêu tên trước lớp hay kỷ luật người im lặng chỉ làm học sinh càng sợ báo.

q-in-practice = Để phát hiện và hỗ trợ kịp thời người học có nguy cơ, nhà trường cần làm những việc nào?
    .train-form-teachers = Tập huấn giáo viên chủ nhiệm nhận biết dấu hiệu
    .record-cases = Ghi chép lại cẩn thận từng trường hợp
    .work-with-parents = Phối hợp với cha mẹ (trừ khi nghi người trong nhà gây hại)
    .publish-list = Công bố tên học sinh có nguy cơ cho cả trường biết
    .no-records = Không ghi chép gì để khỏi lộ thông tin học sinh
    .explanation = Trong thực tế cần giáo viên chủ nhiệm được tập huấn nhận biết dấu hiệu, một kênh báo tin kín đáo, phối hợp với cha mẹ (trừ khi nghi người trong nhà gây hại: khi đó báo cơ quan chức năng) và ghi chép từng trường hợp. Công bố danh sách làm lộ học sinh; không ghi chép thì không theo dõi được, còn hồ sơ thì giữ kín.

q-fight-steps = Hai học sinh đánh nhau trong giờ ra chơi, một em bị chảy máu mũi. Nhà trường cần làm những việc nào?
    .stop-and-care = Chấm dứt ngay hành vi, chăm sóc y tế cho em bị thương
    .counsel-both = Hỗ trợ, tư vấn cho cả em bị hại và em gây bạo lực
    .family-and-record = Báo gia đình các em và ghi lại sự việc
    .punish-only = Kỷ luật ngay em gây bạo lực, còn tư vấn thì không cần thiết
    .keep-from-family = Chưa báo gia đình, để giữ uy tín cho trường
    .explanation = Khi bạo lực xảy ra: chấm dứt ngay hành vi, bảo đảm an toàn và chăm sóc y tế cho học sinh bị hại, báo gia đình, ghi lại sự việc, và hỗ trợ, tư vấn cho cả học sinh bị hại lẫn học sinh gây bạo lực.

q-counsel-aggressor = Sau một vụ bạo lực ở trường, học sinh bị hại cần được hỗ trợ, tư vấn; còn học sinh gây bạo lực thì kỷ luật là xong.
    .explanation = Sai. Nhà trường hỗ trợ, tư vấn cho cả học sinh bị hại và học sinh gây bạo lực.

q-teased-for-telling = Một học sinh báo với thầy cô rằng em bị bạn bắt nạt. Sau đó, vài bạn trêu em là "mách lẻo". Nhà trường nên
    .not-your-fault = Nói rõ em không có lỗi và chấm dứt việc trêu chọc
    .move-class = Chuyển em sang lớp khác cho yên
    .sort-it-out = Khuyên em lần sau tự giải quyết với bạn
    .explanation = Học sinh bị bạo lực không bao giờ có lỗi. Nhà trường nói với em điều đó và bảo đảm em không bị trêu chọc, kỷ luật hay cô lập vì đã kể; chuyển em đi là bắt em chịu thiệt vì đã kể.

q-suspect-at-home = Giáo viên báo rằng một học sinh lớp 3 có thể đang bị người trong nhà xâm hại. Hiệu trưởng nên làm gì trước tiên?
    .report-authorities = Báo ngay Tổng đài 111, công an hoặc UBND xã
    .invite-family = Mời ngay gia đình lên trường để hỏi rõ sự việc
    .verify-first = Tự hỏi học sinh để xác minh trước
    .internal-only = Xử lý theo quy trình nội bộ, chưa báo ra ngoài
    .explanation = Khi nghi ngờ học sinh bị xâm hại thì báo ngay 111, công an hoặc UBND xã, không tự điều tra. Mời người có thể là người gây hại lên trường có thể làm em nguy hiểm hơn; quy trình nội bộ không thay thế việc báo cơ quan chức năng.

q-internal-enough = Trường đã có quy trình nội bộ xử lý nghi ngờ xâm hại thì không phải báo cơ quan chức năng nữa.
    .explanation = Sai. Quy trình nội bộ không thay thế việc báo cơ quan chức năng: vẫn phải báo ngay Tổng đài 111, công an hoặc UBND xã.

q-identifying-info = Khi trường xử lý một vụ nghi ngờ xâm hại, những thông tin nào về học sinh phải giữ kín?
    .name = Họ và tên của học sinh
    .photo = Ảnh chụp của học sinh
    .class-and-school = Lớp và trường em đang học
    .case-count = Số vụ việc đã xử lý trong năm học
    .explanation = Phải giữ kín mọi thông tin giúp nhận ra học sinh: tên, ảnh, địa chỉ, trường, lớp. Một con số không cho biết đó là em nào thì không làm lộ em.

q-concealing-fine = Nhà trường che giấu, không thông báo thông tin về một học sinh bị xâm hại để giữ "thành tích" thì có thể bị phạt tiền.
    .explanation = Đúng. Che giấu, không thông báo thông tin về trẻ bị xâm hại hoặc có nguy cơ bị xâm hại có thể bị phạt tiền (Nghị định 130/2021/NĐ-CP, Điều 28).
