//! Coverage against the plan's targets, through the real binary: what each role may see, the
//! figures of the demo province worked out by hand, small counts hidden, exports that carry
//! what the screen shows, closing a period, official counts, and rollups that always match a
//! full recount.

mod support;

use reqwest::StatusCode;
use support::web::{csrf_in, demo, has_iso_date, has_vietnamese_date, Browser, Reply};

fn this_year() -> i32 {
    // Vietnam time (UTC+7), as the server counts.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
        + 7 * 3600;
    let days = now.div_euclid(86_400);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

fn strip(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .trim()
        .to_owned()
}

/// The rows of the table with this id on a page, each a list of cell texts.
fn table(page: &str, id: &str) -> Vec<Vec<String>> {
    let marker = format!("id=\"{id}\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no table {id} on the page"));
    let end = start + page[start..].find("</table>").unwrap();
    let body = &page[start..end];
    let body = &body[body.find("<tbody").unwrap_or(0)..];
    body.split("<tr")
        .skip(1)
        .map(|row| {
            let mut cells = Vec::new();
            let mut rest = row;
            while let Some(open) = rest.find("<t") {
                let after = &rest[open + 2..];
                if !(after.starts_with('d') || after.starts_with('h')) {
                    rest = after;
                    continue;
                }
                let content_start = open + rest[open..].find('>').unwrap() + 1;
                let close = content_start
                    + rest[content_start..]
                        .find("</t")
                        .unwrap_or(rest.len() - content_start);
                cells.push(strip(&rest[content_start..close]));
                rest = &rest[close + 3..];
            }
            cells
        })
        .filter(|cells| !cells.is_empty())
        .collect()
}

/// The row of a table whose first cell is `first`.
fn row<'a>(rows: &'a [Vec<String>], first: &str) -> &'a Vec<String> {
    rows.iter()
        .find(|r| r[0] == first)
        .unwrap_or_else(|| panic!("no row {first} in {rows:?}"))
}

/// Links to units' reports on a page: (unit id, name).
fn unit_links(page: &str) -> Vec<(i64, String)> {
    let marker = "href=\"/coverage/";
    page.match_indices(marker)
        .filter_map(|(i, _)| {
            let rest = &page[i + marker.len()..];
            let id: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if !rest[id.len()..].starts_with('"') {
                return None;
            }
            let text_start = rest.find('>')? + 1;
            let text_end = text_start + rest[text_start..].find("</a>")?;
            Some((id.parse().ok()?, strip(&rest[text_start..text_end])))
        })
        .collect()
}

/// The unit a coverage page is about, from its export link.
fn own_unit(page: &str) -> i64 {
    let marker = "href=\"/coverage/";
    page.match_indices(marker)
        .find_map(|(i, _)| {
            let rest = &page[i + marker.len()..];
            let id: String = rest.chars().take_while(char::is_ascii_digit).collect();
            rest[id.len()..]
                .starts_with("/export.csv")
                .then(|| id.parse().ok())?
        })
        .expect("an export link")
}

fn unit_id(page: &str, name: &str) -> i64 {
    unit_links(page)
        .into_iter()
        .find(|(_, n)| n == name)
        .unwrap_or_else(|| panic!("no link to {name}"))
        .0
}

async fn signed_in(demo: &support::web::Demo, username: &str) -> Browser {
    let browser = Browser::new(&demo.server);
    let reply = browser.sign_in_staff(username).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{username}");
    browser
}

async fn upload_counts(browser: &Browser, file: &str) -> Reply {
    support::web::upload_to(browser, "/counts", file).await
}

async fn bytes(browser: &Browser, path: &str) -> (StatusCode, String, Vec<u8>) {
    let response = browser
        .client
        .get(format!("{}{path}", browser.base))
        .send()
        .await
        .unwrap();
    let status = response.status();
    let disposition = response
        .headers()
        .get(reqwest::header::CONTENT_DISPOSITION)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (
        status,
        disposition,
        response.bytes().await.unwrap().to_vec(),
    )
}

/// Every shared string of an XLSX file, and how many sheets it has.
fn xlsx_strings(file: &[u8]) -> (Vec<String>, usize) {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(file)).expect("a zip file");
    let sheets = archive
        .file_names()
        .filter(|name| {
            name.as_ref()
                .is_ok_and(|n| n.starts_with("xl/worksheets/sheet"))
        })
        .count();
    let mut xml = String::new();
    archive
        .by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let strings = xml
        .split("<t>")
        .chain(xml.split("<t xml:space=\"preserve\">"))
        .skip(1)
        .filter_map(|s| s.split("</t>").next())
        .map(strip)
        .collect();
    (strings, sheets)
}

#[tokio::test]
async fn managers_land_on_their_units_coverage_and_others_are_kept_out() {
    let demo = demo();
    // Managers and child-protection officers land on coverage after signing in.
    for username in [
        "tinh.demo",
        "xa.demo",
        "baove.demo",
        "hieutruong.demo",
        "admin.demo",
    ] {
        let browser = Browser::new(&demo.server);
        let reply = browser.sign_in_staff(username).await;
        assert_eq!(reply.location, "/coverage", "{username}");
        let page = browser.get("/coverage").await;
        assert_eq!(page.status, StatusCode::OK, "{username}");
        assert!(
            page.body.contains("href=\"/coverage\""),
            "a header link for {username}"
        );
    }
    // Teachers, health workers, police, students and parents have no coverage page.
    for username in ["giaovien.demo", "yte.demo", "congan.demo"] {
        let browser = signed_in(&demo, username).await;
        assert_eq!(
            browser.get("/coverage").await.status,
            StatusCode::FORBIDDEN,
            "{username}"
        );
        assert!(!browser
            .get("/modules")
            .await
            .body
            .contains("href=\"/coverage\""));
    }
    let anonymous = Browser::new(&demo.server);
    let reply = anonymous.get("/coverage").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(reply.location.starts_with("/sign-in"), "{}", reply.location);

    // A commune manager sees their commune and what is under it, nothing beside it.
    let province = signed_in(&demo, "tinh.demo").await;
    let top = province.get("/coverage").await.body;
    let (ward, commune, other) = (
        unit_id(&top, "Phường Mẫu Một"),
        unit_id(&top, "Xã Mẫu Hai"),
        unit_id(&top, "Xã Mẫu Ba"),
    );
    let xa = signed_in(&demo, "xa.demo").await;
    let own = xa.get("/coverage").await;
    assert!(own.body.contains("Xã Mẫu Hai"));
    assert_eq!(
        xa.get(&format!("/coverage/{commune}")).await.status,
        StatusCode::OK
    );
    for outside in [ward, other] {
        assert_eq!(
            xa.get(&format!("/coverage/{outside}")).await.status,
            StatusCode::NOT_FOUND
        );
        let (status, _, _) = bytes(&xa, &format!("/coverage/{outside}/export.csv")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, _) = bytes(&xa, &format!("/coverage/{outside}/export.xlsx")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let close = xa
            .post(
                &format!("/coverage/{outside}/close"),
                &[("year", &this_year().to_string())],
            )
            .await;
        assert_eq!(close.status, StatusCode::NOT_FOUND);
    }
    // The province's figures do not leak into the commune's page.
    assert!(!own.body.contains("Phường Mẫu Một"));
    // A child-protection officer reads, but does not close.
    let officer = signed_in(&demo, "baove.demo").await;
    let page = officer.get("/coverage").await.body;
    assert!(!page.contains("/close\""), "no close form for a reader");
    let close = officer
        .post(
            &format!("/coverage/{commune}/close"),
            &[("year", &this_year().to_string())],
        )
        .await;
    assert_eq!(close.status, StatusCode::FORBIDDEN);
    assert_eq!(officer.get("/counts").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_demo_provinces_figures_are_right_and_small_counts_are_hidden() {
    let demo = demo();
    let province = signed_in(&demo, "tinh.demo").await;
    let page = province.get("/coverage").await.body;
    let summary = table(&page, "summary");
    // Students: 6 of 11 registered have finished every module of their age (An, Bình, Chứ,
    // Dung in 2A; Hoa, Lềnh in 7A). Official counts: 8 + 6 in the ward's schools, 120 in
    // the commune's school with nobody registered yet; none in Xã Mẫu Ba, where nobody is
    // registered either. 6 / 134 = 4.477…%, shown 4.5% (rounded half up).
    let students = row(
        &summary,
        "95% học sinh được giáo dục kỹ năng sống, tự bảo vệ phù hợp lứa tuổi",
    );
    assert_eq!(
        &students[2..7],
        ["6", "134", "11", "4,5", "54,5"],
        "{students:?}"
    );
    assert_eq!(students[9], "Rất chậm");
    // Health: the one health station's worker finished all four modules.
    let health = row(
        &summary,
        "100% trạm y tế xã được tăng cường năng lực chăm sóc sức khoẻ trẻ em",
    );
    assert_eq!(&health[2..6], ["1", "", "1", "100,0"], "{health:?}");
    assert_eq!(health[9], "Đạt");
    // Education: the primary school's teacher finished, its head has not: no school is
    // reached yet, of four.
    let education = row(&summary, "100% cơ sở giáo dục tập huấn phòng, chống bạo lực học đường, xâm hại tình dục cho cán bộ quản lý, giáo viên");
    assert_eq!(&education[2..6], ["0", "", "4", "0,0"], "{education:?}");
    assert_eq!(
        &education[11..13],
        ["1", "3"],
        "teachers trained of registered: {education:?}"
    );
    // Families: one household reached (of eleven registered, all in the ward): fewer than 5.
    let families = row(
        &summary,
        "95% gia đình có trẻ em được trang bị kiến thức, kỹ năng bảo vệ trẻ em",
    );
    assert_eq!(families[2], "dưới 5", "{families:?}");
    assert_eq!(families[4], "11");

    // Down to the ward: each school has fewer than 5 students reached, so both are hidden,
    // and the ward's total (6) is shown.
    let ward = unit_id(&page, "Phường Mẫu Một");
    let ward_page = province.get(&format!("/coverage/{ward}")).await;
    assert_eq!(ward_page.status, StatusCode::OK);
    let schools = table(&ward_page.body, "students-units");
    for school in ["Trường Tiểu học Mẫu Một", "Trường THCS Mẫu Một"] {
        assert_eq!(row(&schools, school)[2], "dưới 5", "{schools:?}");
    }
    let ward_summary = table(&ward_page.body, "summary");
    let students = row(
        &ward_summary,
        "95% học sinh được giáo dục kỹ năng sống, tự bảo vệ phù hợp lứa tuổi",
    );
    assert_eq!(&students[2..6], ["6", "14", "11", "42,9"], "{students:?}");
    // The breadcrumb leads back up.
    assert!(ward_page.body.contains("Tỉnh Lai Châu"));

    // The commune: its child-protection officer has three modules of four, so is not trained
    // and is listed by name; the official count is 2.
    let commune = unit_id(&page, "Xã Mẫu Hai");
    let commune_page = province.get(&format!("/coverage/{commune}")).await.body;
    let staff = row(
        &table(&commune_page, "summary"),
        "100% cán bộ, cộng tác viên bảo vệ trẻ em được nâng cao năng lực",
    )
    .clone();
    assert_eq!(&staff[2..6], ["0", "2", "1", "0,0"], "{staff:?}");
    let untrained = table(&commune_page, "child-protection-staff-untrained");
    assert_eq!(untrained[0][0], "Cán bộ Bảo vệ trẻ em Mẫu");
    // In English, numbers are written the English way.
    let english = Browser::new(&demo.server);
    english
        .client
        .post(format!("{}/lang", english.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={}&lang=en&next=/", english.csrf().await))
        .send()
        .await
        .unwrap();
    assert_eq!(
        english.sign_in_staff("tinh.demo").await.status,
        StatusCode::SEE_OTHER
    );
    let page = english.get("/coverage").await.body;
    let students = row(
        &table(&page, "summary"),
        "95% of students taught life skills and self-protection fit for their age",
    )
    .clone();
    assert_eq!(students[5], "4.5");
    assert!(page.contains("fewer than 5"));
}

#[tokio::test]
async fn the_exports_carry_what_the_screen_shows() {
    let demo = demo();
    let province = signed_in(&demo, "tinh.demo").await;
    let page = province.get("/coverage").await.body;
    let ward = unit_id(&page, "Phường Mẫu Một");
    let year = this_year();
    let screen = province
        .get(&format!("/coverage/{ward}?year={year}"))
        .await
        .body;
    let (status, disposition, csv) = bytes(
        &province,
        &format!("/coverage/{ward}/export.csv?year={year}"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        disposition,
        format!("attachment; filename=\"coverage-LC-W01-{year}.csv\"")
    );
    assert!(
        csv.starts_with("\u{feff}".as_bytes()),
        "a BOM, so Excel reads Vietnamese"
    );
    let csv = String::from_utf8(csv).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let (strings, sheets) = {
        let (_, disposition, xlsx) = bytes(
            &province,
            &format!("/coverage/{ward}/export.xlsx?year={year}"),
        )
        .await;
        assert_eq!(
            disposition,
            format!("attachment; filename=\"coverage-LC-W01-{year}.xlsx\"")
        );
        xlsx_strings(&xlsx)
    };
    // Every table on the screen is in both files, row for row, cell for cell.
    let ids: Vec<String> = screen
        .match_indices("<table id=\"")
        .map(|(i, m)| {
            let rest = &screen[i + m.len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect();
    assert!(ids.len() >= 10, "{ids:?}");
    assert_eq!(sheets, ids.len(), "a sheet per table");
    for id in &ids {
        for cells in table(&screen, id) {
            assert!(
                records.iter().any(|r| r
                    .iter()
                    .map(String::as_str)
                    .eq(cells.iter().map(String::as_str))),
                "{id}: {cells:?} is not a row of the CSV"
            );
            for cell in cells.iter().filter(|c| {
                !c.is_empty()
                    && c.parse::<f64>().is_err()
                    && c.replace(',', ".").parse::<f64>().is_err()
            }) {
                assert!(strings.contains(cell), "{id}: {cell:?} is not in the XLSX");
            }
        }
    }
    assert!(csv.contains("dưới 5"));
    // Only those who may see the unit may download it.
    let xa = signed_in(&demo, "xa.demo").await;
    let (status, _, _) = bytes(&xa, &format!("/coverage/{ward}/export.csv")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_closed_report_stays_as_it_was_and_counts_are_uploaded_whole_or_not_at_all() {
    let demo = demo();
    let province = signed_in(&demo, "tinh.demo").await;
    let page = province.get("/coverage").await.body;
    let top = own_unit(&page);
    let year = this_year().to_string();
    let closed = province
        .post(&format!("/coverage/{top}/close"), &[("year", &year)])
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let report = closed.location.clone();
    assert!(
        report.starts_with(&format!("/coverage/{top}/reports/")),
        "{report}"
    );
    let frozen = province.get(&report).await.body;
    assert!(
        frozen.contains("phiên bản 1"),
        "the closed banner names the version"
    );
    let report_path = report.split('?').next().unwrap().to_owned();
    let (status, disposition, before) =
        bytes(&province, &format!("{report_path}/export.csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        disposition.contains(&format!("coverage-LC-{year}-v1.csv")),
        "{disposition}"
    );

    // A file with bad rows: each one named, nothing imported.
    let bad = format!(
        "unit_code,target,year,count,source,as_of\n\
         LC-C02,students,{year},abc,Sở GD&ĐT,{year}-01-01\n\
         LC-XX,students,{year},10,Sở GD&ĐT,{year}-01-01\n\
         LC-C02,pets,{year},10,Sở GD&ĐT,{year}-01-01\n\
         LC-C02-THPT1,students,{year},300,Sở GD&ĐT,{year}-01-01\n"
    );
    let reply = upload_counts(&province, &bad).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    for line in [
        "Dòng 2: số lượng \"abc\"",
        "Dòng 3: không có đơn vị nào có mã \"LC-XX\"",
        "Dòng 4: \"pets\" không phải chỉ tiêu",
    ] {
        assert!(
            reply.body.contains(&line.replace('"', "&quot;")) || reply.body.contains(line),
            "{line}"
        );
    }
    let unchanged = province.get("/coverage").await.body;
    let students = row(
        &table(&unchanged, "summary"),
        "95% học sinh được giáo dục kỹ năng sống, tự bảo vệ phù hợp lứa tuổi",
    )
    .clone();
    assert_eq!(students[3], "134", "nothing of the bad file was imported");
    // The good row alone: the high school's count is added, the province's total follows.
    let good = format!(
        "unit_code,target,year,count,source,as_of\n\
         LC-C02-THPT1,students,{year},300,Sở GD&ĐT,{year}-01-01\n"
    );
    let reply = upload_counts(&province, &good).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", strip(&reply.body));
    assert!(reply.body.contains("Đã nhập 1 dòng: thêm 1"));
    let live = province.get("/coverage").await.body;
    let students = row(
        &table(&live, "summary"),
        "95% học sinh được giáo dục kỹ năng sống, tự bảo vệ phù hợp lứa tuổi",
    )
    .clone();
    assert_eq!(students[3], "434");
    // The closed report did not move.
    let (_, _, after) = bytes(&province, &format!("{report_path}/export.csv")).await;
    assert_eq!(before, after);
    let frozen = province.get(&report_path).await.body;
    let students = row(
        &table(&frozen, "summary"),
        "95% học sinh được giáo dục kỹ năng sống, tự bảo vệ phù hợp lứa tuổi",
    )
    .clone();
    assert_eq!(students[3], "134");
    // Closing again is a new version; the first stays.
    let again = province
        .post(&format!("/coverage/{top}/close"), &[("year", &year)])
        .await;
    assert_ne!(again.location, closed.location);
    let listing = province.get(&format!("/coverage/{top}")).await.body;
    assert!(listing.contains("phiên bản 1") && listing.contains("phiên bản 2"));

    // A commune manager may upload only for units under theirs.
    let xa = signed_in(&demo, "xa.demo").await;
    let theirs = format!(
        "unit_code,target,year,count,source,as_of\nLC-W01,families,{year},20,UBND,{year}-01-01\n"
    );
    let reply = upload_counts(&xa, &theirs).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply
        .body
        .contains("không thuộc các đơn vị anh/chị quản lý"));
}

/// The texts of a unit's live report (period, plan start, each target's deadline, when its
/// reports were closed), of its closed `report`, and of that report's CSV.
async fn report_texts(browser: &Browser, top: i64, report: &str) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for path in [format!("/coverage/{top}"), report.to_owned()] {
        let page = browser.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        texts.push((path, strip(&page.body)));
    }
    let (status, _, csv) = bytes(browser, &format!("{report}/export.csv")).await;
    assert_eq!(status, StatusCode::OK);
    texts.push(("CSV".to_owned(), String::from_utf8(csv).unwrap()));
    texts
}

#[tokio::test]
async fn a_reports_dates_are_written_as_the_reader_writes_them() {
    let demo = demo();
    let province = signed_in(&demo, "tinh.demo").await;
    let top = own_unit(&province.get("/coverage").await.body);
    let year = this_year().to_string();
    let closed = province
        .post(&format!("/coverage/{top}/close"), &[("year", &year)])
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let report = closed.location.split('?').next().unwrap().to_owned();
    for (what, text) in report_texts(&province, top, &report).await {
        assert!(
            has_vietnamese_date(&text) && !has_iso_date(&text),
            "{what} in Vietnamese: {text}"
        );
    }
    let switched = province
        .post("/lang", &[("lang", "en"), ("next", "/coverage")])
        .await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    for (what, text) in report_texts(&province, top, &report).await {
        assert!(
            has_iso_date(&text) && !has_vietnamese_date(&text),
            "{what} in English: {text}"
        );
    }

    // A report closed before dates were stored in the ISO form holds them the Vietnamese way;
    // it too is read in the reader's language.
    let db = support::connect(&demo.server.database_url()).await;
    let id: i64 = report.rsplit('/').next().unwrap().parse().unwrap();
    let stored: String = sqlx::query_scalar("SELECT report FROM coverage_reports WHERE id = $1")
        .bind(id)
        .fetch_one(&db)
        .await
        .unwrap();
    let mut old: serde_json::Value = serde_json::from_str(&stored).unwrap();
    old["until"] = format!("30/11/{year}").into();
    old["computed_at"] = format!("30/11/{year} 09:15").into();
    old["plan_start"] = "01/01/2020".into();
    sqlx::query("UPDATE coverage_reports SET report = $1 WHERE id = $2")
        .bind(old.to_string())
        .bind(id)
        .execute(&db)
        .await
        .unwrap();
    let english = strip(&province.get(&report).await.body);
    assert!(
        english.contains(&format!("{year}-11-30 09:15"))
            && english.contains(&format!("{year}-11-30"))
            && english.contains("2020-01-01")
            && !has_vietnamese_date(&english),
        "an older closed report in English: {english}"
    );
}

#[tokio::test]
async fn the_rollups_match_a_full_recount_after_people_learn_move_and_join() {
    let demo = demo();
    let db = support::connect(&demo.server.database_url()).await;
    // A teacher of the 7A school learns (a second school person, for institutions).
    let teacher = signed_in(&demo, "giaovien2.demo").await;
    for module in ["law-on-children", "recognising-signs"] {
        complete(&teacher, module).await;
    }
    // The head of the primary school moves a child to another age band and adds one.
    let head = signed_in(&demo, "hieutruong.demo").await;
    let roster = "school_code,school_year,class,role,key,name,birth_year,family,secret\n\
                  LC-W01-TH1,2026-2027,2A,student,2A-01,Lò Văn An,2014,,\n\
                  LC-W01-TH1,2026-2027,2A,student,2A-09,Hà Thị Mới,2019,,\n";
    let reply = support::web::upload(&head, roster).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", strip(&reply.body));
    // A parent joins with a family code.
    let parent = Browser::new(&demo.server);
    let reply = parent
        .post(
            "/sign-up/family",
            &[
                ("family_code", &demo.new_family_code),
                ("name", "Tòng Văn Cha"),
                ("phone", "0912000077"),
                ("password", "một mật khẩu dài cho gia đình"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::SEE_OTHER,
        "{}",
        strip(&reply.body)
    );
    complete(&parent, "positive-discipline").await;
    // A manager unlinks the demo parent (whose household was reached).
    let (household, parent_id): (i64, i64) =
        sqlx::query_as("SELECT household_id, id FROM people WHERE display_name = 'Lò Văn Bố'")
            .fetch_one(&db)
            .await
            .unwrap();
    let reply = head
        .post(
            &format!("/families/{household}/parents/{parent_id}/unlink"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);

    let check = support::coverage_check(&demo.server.database_url());
    assert!(check.status.success(), "{}", support::said(&check));
    // And the check does fail when they differ.
    sqlx::query(
        "UPDATE coverage_population SET registered = registered + 1 WHERE (unit_id, target_id) = \
         (SELECT unit_id, target_id FROM coverage_population ORDER BY unit_id, target_id LIMIT 1)",
    )
    .execute(&db)
    .await
    .unwrap();
    let check = support::coverage_check(&demo.server.database_url());
    assert!(!check.status.success());
    assert!(String::from_utf8_lossy(&check.stderr).contains("differ"));
}

/// Reads every lesson of a module and passes its quiz, as the learner's browser would.
async fn complete(browser: &Browser, module: &str) {
    let (lessons, quiz) = support::web::key_of(module);
    for lesson in &lessons {
        let page = browser
            .get(&format!("/modules/{module}/lessons/{lesson}"))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{module}/{lesson}");
    }
    let page = browser.get(&format!("/modules/{module}/quiz")).await.body;
    let submission = support::web::field(&page, "submission");
    let csrf = csrf_in(&page).unwrap();
    let mut form: Vec<(String, String)> = vec![
        ("csrf".to_owned(), csrf),
        ("submission".to_owned(), submission),
        ("draw".to_owned(), support::web::field(&page, "draw")),
    ];
    for (question, answers) in quiz {
        for answer in answers {
            form.push((format!("q-{question}"), answer));
        }
    }
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let reply = browser
        .post_raw(&format!("/modules/{module}/quiz"), &fields)
        .await;
    assert_eq!(
        reply.status,
        StatusCode::SEE_OTHER,
        "{module}: {}",
        strip(&reply.body)
    );
}

#[tokio::test]
async fn a_manager_fills_in_the_counts_template_with_vietnamese_dates_and_sees_what_is_loaded() {
    let demo = demo();
    let commune = signed_in(&demo, "xa.demo").await;
    let page = commune.get("/counts").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("href=\"/counts/template.csv\""));
    assert!(
        page.body.contains("Số liệu đã tải lên") && page.body.contains("UBND xã Mẫu Hai"),
        "the demo's counts of the commune are listed with their source"
    );
    assert!(
        !page.body.contains("UBND phường Mẫu Một"),
        "another commune's counts are not"
    );
    let (status, _, template) = bytes(&commune, "/counts/template.csv").await;
    assert_eq!(status, StatusCode::OK);
    let template = String::from_utf8(template).unwrap();
    let year = this_year();
    let lines: Vec<&str> = template.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "unit_code,target,year,count,source,as_of");
    // The commune's own targets, and its school's students; nothing of another commune.
    for row in [
        format!("LC-C01,families,{year},,,"),
        format!("LC-C01,police,{year},,,"),
        format!("LC-C01,health,{year},,,"),
        format!("LC-C01-TH1,students,{year},,,"),
    ] {
        assert!(lines.contains(&row.as_str()), "{row} in {template}");
    }
    assert!(!template.contains("LC-C01-TH1,families"), "{template}");
    assert!(!template.contains("LC-C02"), "{template}");
    // One row filled in, its date as a Vietnamese spreadsheet writes it; the rest left empty.
    let filled: Vec<String> = lines
        .iter()
        .map(|line| {
            if *line == format!("LC-C01,police,{year},,,") {
                format!("LC-C01,police,{year},3,Công an xã Mẫu Hai,02/01/{year}")
            } else {
                (*line).to_owned()
            }
        })
        .collect();
    let reply = upload_counts(&commune, &filled.join("\n")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body.contains("Đã nhập 1 dòng"), "{}", reply.body);
    let page = commune.get("/counts").await.body;
    assert!(
        page.contains(&format!("02/01/{year}")) && page.contains("Công an xã Mẫu Hai"),
        "the new count is listed with its date and source"
    );
}
