title = Tiếp nhận lời kể và báo tin, chuyển tuyến
summary = Làm gì khi trẻ kể bị xâm hại, cách hỏi không dẫn dắt (TED), báo tin ngay, và các bước hỗ trợ, can thiệp theo Nghị định 56/2017 cùng thời hạn.

objective-respond-to-disclosure = Tiếp nhận lời kể của trẻ đúng cách: bình tĩnh, coi trọng lời trẻ, không hứa giữ bí mật, ghi lại nguyên văn.
objective-open-prompts = Chỉ hỏi câu hỏi mở theo TED, tránh câu hỏi dẫn dắt và câu hỏi "tại sao".
objective-report-at-once = Báo ngay 111, công an hoặc UBND xã, và giữ trẻ an toàn khi người gây hại có thể ở trong nhà.
objective-referral-steps = Biết các bước hỗ trợ, can thiệp theo Nghị định 56/2017 và thời hạn của cơ quan chức năng.

q-promise-to-keep = Sau giờ học, một em nói: "Cô hứa không kể với ai thì em mới nói." Cô giáo nên
    .no-promise = Không hứa, nói nhẹ nhàng rằng cô phải báo người giúp được em
    .promise = Hứa giữ kín để em yên tâm và kể hết mọi chuyện với cô
    .parents-first = Bảo em về nhà kể với bố mẹ trước, rồi mới kể với cô
    .another-day = Hẹn em hôm khác, khi trường có phòng tư vấn riêng
    .explanation = Không bao giờ hứa giữ bí mật: hãy nói nhẹ nhàng rằng cô chỉ báo cho người giúp được em. Đừng bảo em kể với gia đình trước, vì người gây hại có thể ở trong nhà; đừng hẹn lại, hãy tìm một chỗ riêng tư, yên tĩnh và lắng nghe.

q-first-words = Một học sinh vừa kể với cô giáo chủ nhiệm rằng em bị một người quen xâm hại. Cô nên nói gì với em?
    .did-right = "Em đã làm đúng khi kể. Đây không phải lỗi của em."
    .are-you-sure = "Em có chắc là mình không nhớ nhầm chuyện gì không?"
    .keep-it-between-us = "Cô sẽ giữ kín chuyện này, không nói với ai."
    .explanation = Hãy coi trọng lời trẻ và nói: "Em đã làm đúng khi kể. Đây không phải lỗi của em." Nghi ngờ lời trẻ làm trẻ thôi kể; hứa giữ kín là điều không được làm.

q-must-not-do = Khi trẻ kể bị xâm hại, những việc nào anh/chị KHÔNG được làm?
    .confront = Gọi người bị nghi ngờ đến để đối chất
    .undress = Bảo trẻ cởi quần áo để xem vết thương
    .ask-neighbours = Tự đi hỏi hàng xóm để xác minh
    .private-place = Đưa trẻ đến một chỗ riêng tư, yên tĩnh để nghe
    .own-words = Để trẻ kể bằng lời của chính mình
    .explanation = Không tự điều tra, không bắt trẻ cởi quần áo, không đối chất với người bị nghi ngờ. Tìm chỗ riêng tư, yên tĩnh và để trẻ kể bằng lời của mình là những việc nên làm.

q-record-words = Khi trẻ kể, người nghe nên ghi lại nguyên văn lời trẻ, kèm ngày giờ và chữ ký của mình.
    .explanation = Đúng. Ghi lại nguyên văn lời trẻ (không diễn đạt lại theo ý mình), ngày giờ và ký tên.

q-ted-prompt = Câu nào là câu hỏi mở theo TED?
    .tell-more = "Em hãy kể thêm về chuyện hôm đó."
    .suggest-person = "Có phải chú hàng xóm làm việc đó không?"
    .why = "Tại sao người đó lại làm như vậy?"
    .suggest-act = "Người đó có đánh em không, em nói đi?"
    .explanation = TED là: "Em hãy kể thêm về…", "Em nói rõ hơn về…", "Em tả lại…". Câu hỏi gợi tên người hay gợi sự việc là dẫn dắt; câu hỏi "tại sao" cũng cần tránh.

q-stepfather-question = "Có phải bố dượng làm việc đó không?" là một câu hỏi mở, nên dùng khi trẻ kể.
    .explanation = Sai. Câu hỏi gợi sẵn tên một người là câu hỏi dẫn dắt, cần tránh. Hãy dùng TED: "Em hãy kể thêm về…", "Em nói rõ hơn về…", "Em tả lại…".

q-next-prompt = Trẻ nói: "Chú ấy làm em đau." Anh/chị nên hỏi tiếp thế nào?
    .describe = "Em hãy tả lại chuyện đã xảy ra nhé."
    .suggest-touch = "Chú ấy chạm vào vùng kín của em phải không?"
    .suggest-name = "Có phải chú Hùng cạnh nhà không?"
    .why = "Tại sao chú ấy lại làm như thế với em?"
    .explanation = "Em tả lại…" là câu hỏi mở theo TED: trẻ kể bằng lời của mình. Gợi sẵn hành vi hay tên người là dẫn dắt; hỏi "tại sao" cũng không được.

q-where-to-report = Anh/chị nghi ngờ một trẻ bị xâm hại. Báo tin cho những nơi nào là đúng trách nhiệm?
    .hotline = Tổng đài 111 (miễn phí, 24/7)
    .police = Công an (khẩn cấp: 113)
    .commune = UBND xã hoặc UBND phường
    .leaders-only = Chỉ lãnh đạo cơ quan mình
    .family-first = Gia đình trẻ, trước mọi nơi khác
    .explanation = Ai biết trẻ bị xâm hại hoặc có nguy cơ đều phải báo ngay Tổng đài 111, công an hoặc UBND xã, phường. Báo lãnh đạo theo quy trình nội bộ không thay thế việc đó, và khi người gây hại có thể ở trong nhà thì không báo gia đình trước.

q-father-picks-up = Một em có vết bầm mới, kể tối qua bị bố đánh và rất sợ về nhà. Cuối buổi, bố em đến đón em. Anh/chị nên
    .keep-safe = Giữ em ở nơi an toàn, có người lớn ở bên, và gọi 113
    .home-then-report = Cho em về với bố, rồi tối đó gọi 111 báo tin
    .talk-to-father = Nói chuyện với bố em để hiểu rõ sự việc
    .explanation = Trẻ đang gặp nguy hiểm thì không để trẻ về nhà cùng người bị nghi ngờ: giữ trẻ ở nơi an toàn, có người lớn ở bên, và gọi 113. Nói với bố trước có thể khiến trẻ bị doạ hoặc bị làm hại thêm.

q-authorities-decide = Khi người gây hại có thể là người trong nhà trẻ, cơ quan chức năng là bên quyết định báo cho ai trong gia đình và khi nào.
    .explanation = Đúng. Không báo gia đình trước: báo 111, công an hoặc UBND xã và để họ quyết định. Báo gia đình trước có thể khiến trẻ bị doạ, bị ép nói lại khác đi hoặc bị làm hại thêm.

q-told-the-head = Một giáo viên đã báo hiệu trưởng theo quy trình nội bộ về một học sinh có thể bị xâm hại. Tiếp theo thì
    .still-report = Vẫn phải báo 111, công an hoặc UBND xã
    .duty-done = Thế là đã xong trách nhiệm báo tin
    .head-decides = Chờ hiệu trưởng quyết định có báo ra ngoài hay không
    .gather-proof = Nhà trường thu thập thêm bằng chứng rồi mới báo
    .explanation = Quy trình nội bộ không thay thế việc báo cơ quan chức năng: vẫn phải báo ngay 111, công an hoặc UBND xã. Không ai phải chờ bằng chứng hay chờ người khác quyết định.

q-serious-risk-hours = Đánh giá ban đầu cho thấy trẻ có nguy cơ nghiêm trọng đến tính mạng, sức khoẻ. Biện pháp khẩn cấp hoặc tạm thời cách ly trẻ phải được thực hiện trong vòng
    .h12 = 12 giờ kể từ khi nhận thông tin
    .h24 = 24 giờ kể từ khi nhận thông tin
    .d5 = 5 ngày làm việc kể từ khi nhận thông tin
    .explanation = Nghị định 56/2017: trong vòng 12 giờ kể từ khi nhận thông tin. 5 ngày làm việc là thời hạn xây dựng kế hoạch hỗ trợ, can thiệp. Các thời hạn này là của cơ quan chức năng; người báo tin thì báo ngay.

q-plan-and-approval = Sau bước đánh giá cụ thể (Mẫu 03), kế hoạch hỗ trợ, can thiệp (Mẫu 04) được xây dựng trong bao lâu và ai phê duyệt?
    .d5-chair = 5 ngày làm việc; chủ tịch UBND xã phê duyệt
    .h12-chair = 12 giờ; chủ tịch UBND xã phê duyệt
    .d5-head = 5 ngày làm việc; hiệu trưởng nơi báo tin phê duyệt
    .d5-police = 5 ngày làm việc; cơ quan công an thụ lý phê duyệt
    .explanation = Kế hoạch được xây dựng trong 5 ngày làm việc và do chủ tịch UBND xã phê duyệt. 12 giờ là thời hạn cho biện pháp khẩn cấp; nhà trường và công an tham gia song song, không phê duyệt kế hoạch.

q-reporter-timing = Người biết việc có 12 giờ để suy nghĩ trước khi báo tin.
    .explanation = Sai. Người báo tin báo ngay lập tức. Mốc 12 giờ là thời hạn cho cơ quan chức năng thực hiện biện pháp khẩn cấp.

q-after-form-01 = Tin báo đã được tiếp nhận, ghi nhận (Mẫu 01). Theo Nghị định 56/2017, bước tiếp theo là
    .initial-assessment = Đánh giá ban đầu nguy cơ (Mẫu 02)
    .plan-first = Xây dựng kế hoạch hỗ trợ, can thiệp (Mẫu 04)
    .separate-first = Tạm thời cách ly trẻ trước, đánh giá sau
    .explanation = Sau Mẫu 01, chủ tịch UBND xã chỉ đạo người làm công tác bảo vệ trẻ em đánh giá ban đầu nguy cơ (Mẫu 02). Biện pháp khẩn cấp hoặc tạm thời cách ly trẻ (trong 12 giờ) áp dụng khi trẻ có nguy cơ nghiêm trọng; kế hoạch (Mẫu 04) đến sau đánh giá cụ thể (Mẫu 03).
