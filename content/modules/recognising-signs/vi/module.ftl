title = Nhận biết dấu hiệu trẻ bị xâm hại
summary = Các dấu hiệu về thể chất, hành vi và bỏ mặc, dấu hiệu tảo hôn và mua bán người; vì sao một dấu hiệu chưa phải bằng chứng; và việc cần làm khi lo ngại.

objective-signs-not-proof = Xem xét dấu hiệu trong bối cảnh, hiểu dấu hiệu chưa phải bằng chứng nhưng không chờ bằng chứng mới báo.
objective-physical-and-behaviour = Nhận ra các dấu hiệu thể chất và hành vi cần để ý.
objective-neglect-marriage-trafficking = Nhận ra dấu hiệu bỏ mặc, tảo hôn và mua bán người, và biết pháp luật cấm những gì.
objective-act-on-concern = Khi lo ngại: ghi lại khách quan, không tự điều tra, báo ngay đúng nơi.

q-one-sign-alone = Một dấu hiệu đơn lẻ, như trẻ hay khó ngủ, chưa cho phép kết luận rằng trẻ bị xâm hại.
    .explanation = Đúng. Một dấu hiệu chỉ cho thấy trẻ có thể đang gặp chuyện; cần xem xét trong bối cảnh. Nhưng lo ngại có cơ sở thì vẫn báo, không chờ bằng chứng.

q-withdrawn-pupil = Mấy tuần nay, một học sinh thu mình và có vẻ sợ về nhà, nhưng em chưa kể gì. Giáo viên chủ nhiệm nên
    .record-and-report = Ghi lại những gì đã quan sát được và báo tin
    .wait-for-proof = Theo dõi thêm đến khi có bằng chứng rõ rồi mới báo
    .ask-family = Hỏi gia đình xem ở nhà có chuyện gì
    .not-proof-yet = Chưa làm gì, vì dấu hiệu chưa phải là bằng chứng
    .explanation = Không cần chờ bằng chứng mới báo: ghi lại khách quan điều quan sát được và báo tin; xác minh là việc của cơ quan có thẩm quyền. Nếu người gây hại có thể là người trong nhà thì không báo gia đình trước.

q-context-factors = Khi xem xét một dấu hiệu "trong bối cảnh", cần cân nhắc những gì?
    .age-circumstances = Tuổi và hoàn cảnh của trẻ
    .several-signs = Có nhiều dấu hiệu cùng lúc không
    .explanation-fits = Lời giải thích có hợp lý không
    .family-reputation = Gia đình trẻ có tiếng tốt ở xóm không
    .good-pupil = Trẻ có ngoan, học giỏi không
    .explanation = Bối cảnh gồm tuổi, hoàn cảnh, việc có nhiều dấu hiệu cùng lúc và lời giải thích có hợp lý không. Tiếng tốt của gia đình hay việc trẻ ngoan, học giỏi không loại trừ việc trẻ bị xâm hại.

q-who-verifies = Trước khi báo tin, giáo viên hoặc nhân viên y tế cần tự xác minh xem trẻ có thật sự bị xâm hại không.
    .explanation = Sai. Nhiệm vụ của giáo viên, nhân viên y tế là phát hiện sớm và báo tin; xác minh là việc của cơ quan có thẩm quyền. Không tự điều tra.

q-bruises-record-report = Khi khám, nhân viên y tế thấy một em có nhiều vết bầm ở các giai đoạn lành khác nhau. Đây là
    .record-report = Dấu hiệu cần ghi lại và báo tin, dù chưa phải bằng chứng
    .active-child = Chuyện thường ở trẻ hiếu động, không cần ghi lại
    .proof = Bằng chứng cho thấy trẻ đang bị người lớn đánh
    .ask-parents-first = Dấu hiệu cần để ý; hỏi bố mẹ trẻ trước rồi mới quyết định có báo không
    .explanation = Vết thương ở nhiều giai đoạn lành khác nhau là dấu hiệu cần để ý, nhất là khi lời giải thích không hợp lý. Đó vẫn là dấu hiệu, không phải bằng chứng: ghi lại và báo tin, việc kết luận là của cơ quan có thẩm quyền. Không hỏi gia đình trước, vì người gây hại có thể là người trong nhà.

q-behaviour-signs = Thay đổi hành vi nào dưới đây là dấu hiệu cần để ý vì trẻ có thể bị xâm hại?
    .sleep-aggression = Rối loạn giấc ngủ, trở nên hung hăng
    .sexual-knowledge = Hiểu biết hoặc hành vi tình dục không hợp lứa tuổi
    .shy-changing = Ngại thay đồ trước bạn ở tuổi dậy thì
    .grief = Buồn, khóc nhiều sau khi ông mất
    .explanation = Các dấu hiệu hành vi gồm: thu mình, sợ về nhà, dè chừng người lớn; hung hăng, rối loạn giấc ngủ; hiểu biết hoặc hành vi tình dục không hợp lứa tuổi; tự làm hại bản thân. Xem xét trong bối cảnh: ngại thay đồ trước bạn là bình thường ở tuổi dậy thì; buồn, khóc sau khi ông mất có lời giải thích hợp lý.

q-aggression-sleep = Gần đây một học sinh hay đánh bạn, và em kể đêm nào cũng khó ngủ. Cách nhìn đúng là
    .possible-sign = Có thể là dấu hiệu, cần xem xét trong bối cảnh
    .discipline-family = Chuyện kỷ luật: nhắc nhở và báo gia đình
    .proof-of-abuse = Bằng chứng cho thấy em bị xâm hại ở nhà
    .explanation = Hung hăng và rối loạn giấc ngủ là dấu hiệu hành vi cần để ý: có thể trẻ đang gặp chuyện. Hãy xem xét trong bối cảnh và báo tin khi lo ngại có cơ sở; đó chưa phải bằng chứng, cũng không chỉ là chuyện kỷ luật.

q-neglect-signs = Dấu hiệu nào có thể cho thấy trẻ bị bỏ mặc?
    .hunger-hoarding = Hay bị đói, giấu thức ăn
    .untreated = Bị bệnh mà không được chữa trị
    .left-alone = Bị để ở nhà một mình, không ai trông
    .old-uniform = Mặc lại áo cũ của anh chị
    .with-grandparents = Ở với ông bà trong khi bố mẹ đi làm xa
    .explanation = Dấu hiệu bỏ mặc: đói, giấu thức ăn; vệ sinh kém; bệnh không được chữa; nghỉ học nhiều; bị để một mình không ai trông. Mặc lại áo cũ hay được ông bà chăm sóc không phải là bị bỏ mặc.

q-arranged-marriage = Ở một xã vùng biên, một học sinh nữ 15 tuổi bỗng nghỉ học nhiều ngày; bạn bè nói nhà em đã nhận lễ và hẹn ngày cưới. Đây là
    .possible-child-marriage = Dấu hiệu có thể là tảo hôn, cần báo tin
    .family-matter = Việc riêng của gia đình, trường không can thiệp
    .persuade-first = Có thể là tảo hôn; khuyên gia đình trước, chưa cần báo
    .fine-if-she-agrees = Không sao, nếu em đồng ý lấy chồng
    .explanation = Nữ từ đủ 18 tuổi mới được kết hôn; tảo hôn bị cấm, dù em có đồng ý. Nghỉ học đột ngột, đã nhận lễ, đã hẹn ngày là dấu hiệu tảo hôn: không chờ bằng chứng, báo UBND xã và Tổng đài 111. Chính gia đình đang lo việc đó, nên không khuyên hay báo gia đình trước.

q-far-away-job = Một học sinh 16 tuổi được mời đi làm xa, lương rất cao, được lo tiền xe, và có người nhận giữ giấy tờ cho em. Đây là
    .trafficking-sign = Dấu hiệu có thể là mua bán người
    .good-chance = Cơ hội việc làm tốt cho em và gia đình
    .no-force = Chưa đáng lo, vì không ai ép em
    .advise-only = Đáng lo, nhưng chỉ cần khuyên em tự giữ giấy tờ
    .explanation = Việc làm xa lương rất cao, được lo tiền xe, có người giữ giấy tờ là dấu hiệu mua bán người: báo ngay, không chỉ khuyên em. Luật Phòng, chống mua bán người 2024 (Điều 2) coi việc chuyển giao, tiếp nhận, tuyển mộ, vận chuyển người dưới 18 tuổi để lấy tiền hay bóc lột là mua bán người, không cần vũ lực hay lừa gạt.

q-under-16-no-force = Chuyển giao, tiếp nhận một người dưới 16 tuổi để lấy tiền là tội mua bán người dưới 16 tuổi, dù không có vũ lực hay lừa gạt.
    .explanation = Đúng. Bộ luật Hình sự, Điều 151: chuyển giao, tiếp nhận, tuyển mộ, vận chuyển người dưới 16 tuổi để lấy tiền hay bóc lột là tội, không cần vũ lực hay lừa gạt.

q-what-to-record = Khi lo ngại về một trẻ, anh/chị ghi lại những gì?
    .date-time = Ngày, giờ quan sát được
    .exact-words = Lời trẻ nói, ghi nguyên văn
    .own-summary = Lời trẻ, tóm tắt cho gọn
    .view-of-family = Nhận xét của mình về gia đình trẻ
    .explanation = Ghi lại khách quan điều quan sát được: ngày, giờ, lời trẻ nói nguyên văn. Tóm tắt theo ý mình hay nhận xét về gia đình không phải là điều quan sát được.

q-wedding-this-weekend = Giáo viên biết gia đình một học sinh nữ 14 tuổi sẽ tổ chức cưới cho em vào cuối tuần này. Việc giáo viên cần làm trước tiên là
    .report-now = Báo ngay công an, UBND xã và Tổng đài 111
    .visit-family = Đến nhà em, khuyên gia đình hoãn đám cưới lại
    .after-wedding = Báo UBND xã sau khi đám cưới diễn ra
    .school-first = Báo ngay lãnh đạo trường rồi chờ ý kiến chỉ đạo
    .explanation = Đám cưới sắp diễn ra: báo ngay công an (113 hoặc công an xã), cùng UBND xã và Tổng đài 111; báo lãnh đạo trường theo quy trình nhưng không chờ. Chính gia đình đang tổ chức việc đó, nên không báo gia đình trước; còn vận động gia đình là việc cơ quan chức năng quyết định, sau khi đã báo.

q-reasonable-concern = Người đã báo tin vì lo ngại có cơ sở là đã làm sai, nếu sau này xác minh không có xâm hại.
    .explanation = Sai. Báo tin vì lo ngại có cơ sở là đúng trách nhiệm, kể cả khi sau này không có xâm hại.

q-border-trip = Ở một xã giáp biên giới, một em nói ngày mai sẽ "sang bên kia chơi vài hôm" với người yêu mới quen trên mạng. Cần báo những nơi nào?
    .police = Công an (113 hoặc công an xã)
    .border-post = Đồn biên phòng ở khu vực đó
    .commune-and-111 = UBND xã và Tổng đài 111
    .wait-return = Chờ em về rồi hỏi chuyện
    .school-only = Lãnh đạo trường, không báo nơi khác
    .explanation = Chuyến đi qua biên giới sắp diễn ra: báo ngay công an (113 hoặc công an xã) và, ở gần biên giới, đồn biên phòng; báo cả UBND xã và Tổng đài 111. Báo lãnh đạo trường theo quy trình không thay thế việc đó.
