"""Every problem code with its severity and its message in English and Thai.

Messages say what is wrong, what was expected and, where possible, how to fix it.
Templates use `str.format` fields; the caller passes the values.
"""

from __future__ import annotations

from ..diagnostics import Problem, Severity

E = Severity.ERROR
W = Severity.WARNING

# code: (severity, English, Thai)
MESSAGES: dict[str, tuple[Severity, str, str]] = {
    # --- the file itself ---
    "file-too-large": (
        E,
        "The file is {size} bytes; an entry file may be at most {limit} bytes. Move long text out or split it.",
        "ไฟล์มีขนาด {size} ไบต์ เกินขนาดสูงสุดของไฟล์รายการ {limit} ไบต์ กรุณาตัดข้อความให้สั้นลง",
    ),
    "file-extension": (
        E,
        'Entry files must end in ".yaml"; rename "{name}" to "{suggestion}".',
        'ไฟล์รายการต้องลงท้ายด้วย ".yaml" กรุณาเปลี่ยนชื่อ "{name}" เป็น "{suggestion}"',
    ),
    "file-symlink": (
        E,
        "This is a symbolic link; entry files, pictures and pages must be real files inside the repository.",
        "ไฟล์นี้เป็นลิงก์สัญลักษณ์ (symbolic link) ไฟล์รายการ รูปภาพ และหน้าเนื้อหาต้องเป็นไฟล์จริงในคลังข้อมูล",
    ),
    "file-unreadable": (
        E,
        "The file cannot be read: {reason}.",
        "อ่านไฟล์ไม่ได้: {reason}",
    ),
    "encoding-utf16": (
        E,
        "The file is saved as {encoding}. Save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8).",
        "ไฟล์ถูกบันทึกเป็น {encoding} กรุณาบันทึกใหม่เป็น UTF-8 (ใน Notepad: Save As → Encoding: UTF-8)",
    ),
    "encoding-legacy-thai": (
        E,
        "The file is not UTF-8; it looks like Thai TIS-620 / Windows-874. Save it again as UTF-8.",
        "ไฟล์ไม่ได้เข้ารหัสเป็น UTF-8 ดูเหมือนจะเป็นรหัสภาษาไทยแบบ TIS-620 / Windows-874 กรุณาบันทึกใหม่เป็น UTF-8",
    ),
    "encoding-invalid": (
        E,
        "The file is not valid UTF-8 (byte 0x{byte} cannot be read). Save it as UTF-8.",
        "ไฟล์ไม่ใช่ UTF-8 ที่ถูกต้อง (อ่านไบต์ 0x{byte} ไม่ได้) กรุณาบันทึกใหม่เป็น UTF-8",
    ),
    "encoding-mojibake": (
        E,
        'The text "{sample}" looks garbled: Thai text was converted with the wrong encoding. '
        "Copy the text again from the original document.",
        'ข้อความ "{sample}" อ่านไม่ออก เพราะภาษาไทยถูกแปลงรหัสผิด กรุณาคัดลอกข้อความจากต้นฉบับใหม่',
    ),
    # --- characters ---
    "char-control": (
        E,
        "Invisible control character {char} is not allowed. Delete it.",
        "มีอักขระควบคุมที่มองไม่เห็น {char} ซึ่งไม่อนุญาต กรุณาลบออก",
    ),
    "char-bidi": (
        E,
        "Text-direction control character {char} is not allowed: it can make text look different from what it is.",
        "มีอักขระควบคุมทิศทางข้อความ {char} ซึ่งไม่อนุญาต เพราะทำให้ข้อความแสดงผลต่างจากความจริง กรุณาลบออก",
    ),
    "char-tab": (
        E,
        "Tab character found. Use spaces for indentation and inside text.",
        "พบอักขระแท็บ (Tab) กรุณาใช้การเว้นวรรค (space) แทน",
    ),
    "char-line-separator": (
        E,
        "Unusual line break {char} found. Use an ordinary new line.",
        "พบอักขระขึ้นบรรทัดใหม่ชนิดพิเศษ {char} กรุณาใช้การขึ้นบรรทัดใหม่ตามปกติ",
    ),
    "text-zero-width": (
        E,
        "Invisible zero-width character {char} found. Delete it: it makes equal-looking words differ in search.",
        "พบอักขระความกว้างศูนย์ที่มองไม่เห็น {char} กรุณาลบออก เพราะทำให้ค้นหาคำไม่พบ",
    ),
    "text-not-nfc": (
        E,
        'Text is not in Unicode normal form NFC near "{sample}". Retype the characters, or save the file as NFC.',
        'ข้อความใกล้ "{sample}" ไม่อยู่ในรูปแบบยูนิโค้ดมาตรฐาน (NFC) กรุณาพิมพ์อักขระเหล่านั้นใหม่',
    ),
    "text-sara-am": (
        E,
        "Sara am is typed as two characters (nikhahit + sara aa). Type it as the single character ำ.",
        "สระอำพิมพ์เป็นสองอักขระ (นิคหิต + สระอา) กรุณาพิมพ์ใหม่เป็นอักขระเดียว ำ",
    ),
    "text-doubled-vowel": (
        E,
        'Two sara e (เ + เ) are typed where sara ae (แ) is meant, in "{sample}". Type แ.',
        'พิมพ์สระเอสองตัว (เ + เ) แทนสระแอ (แ) ใน "{sample}" กรุณาพิมพ์ แ',
    ),
    # --- YAML ---
    "yaml-syntax": (
        E,
        "YAML syntax error: {detail_en}",
        "รูปแบบ YAML ไม่ถูกต้อง: {detail_th}",
    ),
    "yaml-empty": (
        E,
        "The file is empty. An entry needs at least id, kind, institution, title and summary.",
        "ไฟล์ว่างเปล่า รายการต้องมีอย่างน้อย id, kind, institution, title และ summary",
    ),
    "yaml-not-mapping": (
        E,
        "The file must contain fields as `name: value` lines, not {found}.",
        "ไฟล์ต้องประกอบด้วยบรรทัดแบบ `ชื่อช่อง: ค่า` ไม่ใช่{found_th}",
    ),
    "yaml-duplicate-key": (
        E,
        '"{key}" is given twice: here and on line {first_line}. Keep one of them.',
        '"{key}" ถูกระบุสองครั้ง คือที่นี่และที่บรรทัด {first_line} กรุณาเก็บไว้เพียงหนึ่ง',
    ),
    "yaml-anchor": (
        E,
        "YAML anchors (&{name}) are not allowed in entries. Write the value out in full.",
        "ไม่อนุญาตให้ใช้ anchor ของ YAML (&{name}) ในรายการ กรุณาเขียนค่าเต็ม",
    ),
    "yaml-alias": (
        E,
        "YAML aliases (*{name}) are not allowed in entries. Write the value out in full.",
        "ไม่อนุญาตให้ใช้ alias ของ YAML (*{name}) ในรายการ กรุณาเขียนค่าเต็ม",
    ),
    "yaml-merge-key": (
        E,
        "YAML merge keys (<<) are not allowed in entries. Write the fields out in full.",
        "ไม่อนุญาตให้ใช้ merge key ของ YAML (<<) ในรายการ กรุณาเขียนช่องข้อมูลให้ครบ",
    ),
    "yaml-tag": (
        E,
        "YAML tags ({tag}) are not allowed in entries. Remove the tag and write a plain value.",
        "ไม่อนุญาตให้ใช้แท็กของ YAML ({tag}) ในรายการ กรุณาลบแท็กออกแล้วเขียนค่าธรรมดา",
    ),
    "yaml-multiple-documents": (
        E,
        "The file holds more than one YAML document ('---'). Put one entry in each file.",
        "ไฟล์มีเอกสาร YAML มากกว่าหนึ่งชุด ('---') กรุณาแยกหนึ่งรายการต่อหนึ่งไฟล์",
    ),
    "yaml-too-deep": (
        E,
        "Values are nested more than {limit} levels deep. Entries never need that; check the indentation.",
        "ข้อมูลซ้อนกันลึกเกิน {limit} ชั้น ซึ่งรายการไม่จำเป็นต้องมี กรุณาตรวจสอบการย่อหน้า",
    ),
    "yaml-complex-key": (
        E,
        "A field name must be plain text.",
        "ชื่อช่องข้อมูลต้องเป็นข้อความธรรมดา",
    ),
    # --- schema ---
    "unknown-field": (
        E,
        '"{name}" is not a field of {where}.{hint} Allowed: {allowed}.',
        '"{name}" ไม่ใช่ช่องข้อมูลของ{where_th}{hint_th} ช่องที่ใช้ได้: {allowed}',
    ),
    "missing-field": (
        E,
        'Required field "{name}" is missing{empty}. {help_en}',
        'ยังไม่มีช่องข้อมูลที่จำเป็น "{name}"{empty_th} {help_th}',
    ),
    "placeholder": (  # a TODO left by `python -m generator new`
        E,
        'Fill in this field: it still holds the placeholder "TODO". {help_en}{hint}',
        'กรุณากรอกช่องนี้ ยังเป็นค่าตัวอย่าง "TODO" อยู่ {help_th}{hint_th}',
    ),
    "wrong-type": (
        E,
        "Expected {expected_en}, found {found_en}.",
        "ต้องเป็น{expected_th} แต่พบ{found_th}",
    ),
    "not-in-list": (
        E,
        '"{value}" is not a known {what_en}.{hint} Use one of the ids in {source}.',
        '"{value}" ไม่ใช่{what_th}ที่รู้จัก{hint_th} กรุณาใช้รหัสที่มีใน {source}',
    ),
    "too-long": (
        E,
        "Too long: {length} characters, at most {limit} allowed.",
        "ยาวเกินไป: {length} ตัวอักษร ใช้ได้ไม่เกิน {limit} ตัวอักษร",
    ),
    "too-short": (
        E,
        "Too short: {length} characters, at least {limit} needed.",
        "สั้นเกินไป: {length} ตัวอักษร ต้องมีอย่างน้อย {limit} ตัวอักษร",
    ),
    "too-many": (
        E,
        "Too many items: {count}, at most {limit} allowed.",
        "มีรายการมากเกินไป: {count} รายการ ใช้ได้ไม่เกิน {limit} รายการ",
    ),
    "too-few": (
        E,
        "Too few items: {count}, at least {limit} needed.",
        "มีรายการน้อยเกินไป: {count} รายการ ต้องมีอย่างน้อย {limit} รายการ",
    ),
    "duplicate-item": (
        E,
        '"{value}" is listed twice. List it once.',
        '"{value}" ถูกระบุซ้ำ กรุณาระบุเพียงครั้งเดียว',
    ),
    "text-multiline": (
        E,
        "This text must be a single line.",
        "ข้อความนี้ต้องอยู่ในบรรทัดเดียว",
    ),
    "text-blank": (
        E,
        "This text is empty or only spaces.",
        "ข้อความนี้ว่างเปล่าหรือมีแต่ช่องว่าง",
    ),
    "bad-id": (
        E,
        '"{value}" is not a valid id. Use 2–60 lowercase letters a–z, digits and single hyphens, e.g. "solar-dryer-mango".',
        '"{value}" ไม่ใช่รหัสที่ถูกต้อง ใช้อักษรภาษาอังกฤษตัวเล็ก a–z ตัวเลข และขีด (-) 2–60 ตัว เช่น "solar-dryer-mango"',
    ),
    "bad-date": (
        E,
        '"{value}" is not a real date. Write the date as YYYY-MM-DD in the Common Era, e.g. 2024-03-15.',
        '"{value}" ไม่ใช่วันที่ที่ถูกต้อง กรุณาเขียนเป็น ปปปป-ดด-วว แบบคริสต์ศักราช เช่น 2024-03-15',
    ),
    "date-buddhist-era": (
        E,
        "The year {year} looks like a Buddhist Era year. Dates in entry files use the Common Era: write {ce_date}.",
        "ปี {year} น่าจะเป็นปีพุทธศักราช วันที่ในไฟล์รายการต้องเป็นคริสต์ศักราช กรุณาเขียน {ce_date}",
    ),
    "thai-digits": (
        E,
        'Thai digits in "{value}". Use Arabic digits: {suggestion}.',
        'พบเลขไทยใน "{value}" กรุณาใช้เลขอารบิก: {suggestion}',
    ),
    "date-in-future": (
        E,
        "The date {value} is in the future (today is {today}).",
        "วันที่ {value} ยังมาไม่ถึง (วันนี้คือ {today})",
    ),
    "date-order": (
        E,
        "{later} ({later_value}) is earlier than {earlier} ({earlier_value}).",
        "{later} ({later_value}) มาก่อน {earlier} ({earlier_value}) ซึ่งเป็นไปไม่ได้",
    ),
    "bad-number": (
        E,
        '"{value}" is not a whole number. Write digits only, without commas or units, e.g. 15000.',
        '"{value}" ไม่ใช่จำนวนเต็ม กรุณาเขียนเฉพาะตัวเลข ไม่มีจุลภาคหรือหน่วย เช่น 15000',
    ),
    "bad-year": (
        E,
        '"{value}" is not a year: write four digits, like 2019.',
        '"{value}" ไม่ใช่ปี กรุณาเขียนเป็นตัวเลขสี่หลัก เช่น 2019',
    ),
    "year-buddhist-era": (
        E,
        "The year {year} looks like a Buddhist Era year. Entry files use the Common Era: write {ce}.",
        "ปี {year} น่าจะเป็นปีพุทธศักราช ไฟล์รายการใช้ปีคริสต์ศักราช กรุณาเขียน {ce}",
    ),
    "year-in-future": (
        E,
        "The year {year} has not come yet (this year is {this_year}).",
        "ปี {year} ยังมาไม่ถึง (ปีนี้คือ {this_year})",
    ),
    "unknown-district": (
        E,
        'There is no district "{value}" in {province}.{hint}',
        'ไม่มีอำเภอ "{value}" ในจังหวัด{province_th}{hint_th}',
    ),
    "unknown-subdistrict": (
        E,
        'There is no subdistrict "{value}" in {district} district, {province}.{hint}',
        'ไม่มีตำบล "{value}" ในอำเภอ{district_th} จังหวัด{province_th}{hint_th}',
    ),
    "number-range": (
        E,
        "{value} is out of range: expected {minimum} to {maximum}.",
        "{value} อยู่นอกช่วงที่ใช้ได้ คือ {minimum} ถึง {maximum}",
    ),
    "cost-range": (
        E,
        "cost_max ({cost_max}) is smaller than cost_min ({cost_min}).",
        "cost_max ({cost_max}) น้อยกว่า cost_min ({cost_min})",
    ),
    "bad-url": (
        E,
        '"{value}" is not an allowed web address: {reason_en}. Use a full https:// address.',
        '"{value}" ไม่ใช่ที่อยู่เว็บที่ใช้ได้: {reason_th} กรุณาใช้ที่อยู่เต็มที่ขึ้นต้นด้วย https://',
    ),
    "url-punycode": (
        W,
        'The address "{value}" has an internationalised host name; reviewers see it as "{ascii}".',
        'ที่อยู่ "{value}" มีชื่อโดเมนภาษาสากล ผู้ตรวจจะเห็นเป็น "{ascii}"',
    ),
    "bad-email": (
        E,
        '"{value}" is not an e-mail address like name@example.ac.th.',
        '"{value}" ไม่ใช่อีเมลในรูปแบบ name@example.ac.th',
    ),
    "bad-phone": (
        E,
        '"{value}" is not a phone number. Use digits, spaces and hyphens, with an optional leading +, e.g. "02 549 3000".',
        '"{value}" ไม่ใช่หมายเลขโทรศัพท์ ใช้ตัวเลข ช่องว่าง และขีด อาจขึ้นต้นด้วย + เช่น "02 549 3000"',
    ),
    "bad-line-id": (
        E,
        '"{value}" is not a LINE id. Use letters, digits, ".", "-" or "_", with an optional leading @.',
        '"{value}" ไม่ใช่ไอดีไลน์ ใช้ตัวอักษร ตัวเลข . - หรือ _ และอาจขึ้นต้นด้วย @',
    ),
    # --- Markdown ---
    "markdown-raw-html": (
        E,
        "Raw HTML ({tag}) is not allowed in Markdown text. Use Markdown: **bold**, lists, ### headings, [text](https://…).",
        "ไม่อนุญาตให้ใช้ HTML ({tag}) ในข้อความ Markdown กรุณาใช้รูปแบบ Markdown เช่น **ตัวหนา** รายการ ### หัวข้อ [ข้อความ](https://…)",
    ),
    "markdown-attribute": (
        E,
        "Attribute lists ({{: …}}) are not allowed in Markdown text.",
        "ไม่อนุญาตให้ใช้ attribute list ({{: …}}) ในข้อความ Markdown",
    ),
    "markdown-link": (
        E,
        'Link "{value}" is not allowed: {reason_en}.',
        'ลิงก์ "{value}" ใช้ไม่ได้: {reason_th}',
    ),
    # --- images ---
    "image-path": (
        E,
        'Image path "{value}" is not allowed: {reason_en}. Put the image in the folder {folder}/ and write only its file name.',
        'ที่อยู่รูปภาพ "{value}" ใช้ไม่ได้: {reason_th} กรุณาวางรูปในโฟลเดอร์ {folder}/ แล้วเขียนเพียงชื่อไฟล์',
    ),
    "image-missing": (
        E,
        'Image "{value}" was not found in {folder}/. Add the file, or fix the name (names are case-sensitive).',
        'ไม่พบรูปภาพ "{value}" ในโฟลเดอร์ {folder}/ กรุณาเพิ่มไฟล์ หรือแก้ชื่อให้ถูก (ตัวพิมพ์เล็ก-ใหญ่ต่างกัน)',
    ),
    "image-type": (
        E,
        'Image "{value}" must be a .jpg, .jpeg, .png or .webp file whose content matches its name.',
        'รูปภาพ "{value}" ต้องเป็นไฟล์ .jpg .jpeg .png หรือ .webp และเนื้อไฟล์ต้องตรงกับชนิดในชื่อ',
    ),
    "image-name-too-long": (
        E,
        'Image name "{value}" has {length} characters; with this entry\'s id it may have at most {limit}, or its path '
        "in the offline edition (USB drive) would be too long for Windows. Give the file a shorter name.",
        'ชื่อรูปภาพ "{value}" ยาว {length} ตัวอักษร เมื่อรวมกับรหัสรายการนี้ใช้ได้ไม่เกิน {limit} ตัวอักษร '
        "มิฉะนั้นที่อยู่ไฟล์ในฉบับออฟไลน์ (แฟลชไดรฟ์) จะยาวเกินที่ Windows รองรับ กรุณาตั้งชื่อไฟล์ให้สั้นลง",
    ),
    "image-too-large": (
        E,
        'Image "{value}" is {size} KB; images may be at most {limit} KB. Resize it (1600 px wide is plenty).',
        'รูปภาพ "{value}" มีขนาด {size} KB ใช้ได้ไม่เกิน {limit} KB กรุณาย่อขนาด (กว้าง 1600 พิกเซลก็เพียงพอ)',
    ),
    # --- the database as a whole ---
    "id-mismatch": (
        E,
        'The id "{id}" does not match the file name "{name}". Rename the file to "{id}.yaml" or change the id.',
        'รหัส "{id}" ไม่ตรงกับชื่อไฟล์ "{name}" กรุณาเปลี่ยนชื่อไฟล์เป็น "{id}.yaml" หรือแก้รหัส',
    ),
    "duplicate-id": (
        E,
        'The id "{id}" is also used by {other}. Every entry needs its own id.',
        'รหัส "{id}" ซ้ำกับ {other} ทุกรายการต้องมีรหัสไม่ซ้ำกัน',
    ),
    "case-collision": (
        E,
        'File name "{name}" differs from {other} only in upper/lower case: they collide on a USB drive or Windows.',
        'ชื่อไฟล์ "{name}" ต่างจาก {other} เพียงตัวพิมพ์เล็ก-ใหญ่ ซึ่งจะชนกันบนแฟลชไดรฟ์หรือ Windows',
    ),
    "wrong-folder": (
        E,
        'The entry says institution "{institution}" but is in the folder "{folder}". Move it to technologies/{institution}/.',
        'รายการระบุหน่วยงาน "{institution}" แต่อยู่ในโฟลเดอร์ "{folder}" กรุณาย้ายไปที่ technologies/{institution}/',
    ),
    "misplaced-file": (
        E,
        "Entry files go in technologies/<institution-id>/<entry-id>.yaml.",
        "ไฟล์รายการต้องอยู่ที่ technologies/<รหัสหน่วยงาน>/<รหัสรายการ>.yaml",
    ),
    "unknown-entry": (
        E,
        'No entry has the id "{value}".{hint}',
        'ไม่มีรายการที่มีรหัส "{value}"{hint_th}',
    ),
    "self-reference": (
        E,
        "An entry cannot name itself here.",
        "รายการไม่สามารถอ้างถึงตัวเองได้",
    ),
    "entry-wrong-kind": (
        E,
        'The entry "{value}" is a {found} entry; only {expected} entries can be listed here.',
        'รายการ "{value}" เป็นประเภท {found} ในช่องนี้ใส่ได้เฉพาะรายการประเภท {expected}',
    ),
    "missing-translation": (
        W,
        "No English for: {fields}. The English page will show the Thai text with a note.",
        "ยังไม่มีภาษาอังกฤษสำหรับ: {fields} หน้าภาษาอังกฤษจะแสดงข้อความภาษาไทยพร้อมหมายเหตุ",
    ),
    "review-stale": (
        W,
        "Last reviewed on {reviewed}, more than two years ago. Check that the facts still hold, then set date_reviewed to the day you checked.",
        "ตรวจทานครั้งล่าสุดเมื่อ {reviewed} ซึ่งนานกว่าสองปีแล้ว กรุณาตรวจว่าข้อมูลยังถูกต้อง แล้วแก้ date_reviewed เป็นวันที่ตรวจ",
    ),
    "config-invalid": (
        E,
        "{detail}",
        "{detail_th}",
    ),
    "content-unpaired": (
        E,
        "This page has no {lang_en} twin at {twin}, where the language switch leads. Add it (it may say that the "
        "page is not translated yet).",
        "หน้านี้ยังไม่มีหน้า{lang_th}ที่ {twin} ซึ่งปุ่มเปลี่ยนภาษาจะพาไป กรุณาเพิ่มหน้านั้น (เขียนว่ายังไม่ได้แปลก็ได้)",
    ),
    "content-unsafe-html": (
        E,
        '"{found}": background pages may not hold HTML that runs code, loads frames or forms, or redirects '
        "(script, iframe, object, embed, meta, base, form, link, style, on…= attributes, javascript: links). Write "
        "it in Markdown, or show it as `code`.",
        '"{found}": หน้าเนื้อหาห้ามมี HTML ที่รันโค้ด โหลดเฟรมหรือฟอร์ม หรือพาไปหน้าอื่นเอง (script iframe object embed '
        "meta base form link style แอตทริบิวต์ on…= และลิงก์ javascript:) กรุณาเขียนเป็น Markdown หรือแสดงเป็น `code`",
    ),
    "content-outside-sections": (
        E,
        "Background pages live directly in {sections}: the menu shows those sections, and a page elsewhere could "
        "hide a page the site makes itself. Move it into one of them.",
        "หน้าเนื้อหาต้องอยู่ใน {sections_th} โดยตรง เพราะเมนูแสดงเฉพาะสองส่วนนี้ และหน้าที่อยู่ที่อื่นอาจทับหน้าที่เว็บไซต์สร้างเอง "
        "กรุณาย้ายไปไว้ในโฟลเดอร์ใดโฟลเดอร์หนึ่ง",
    ),
    "content-file-type": (
        E,
        '"{name}" cannot be published from content/: only pages (.md) and pictures (.png, .jpg, .jpeg, .webp) may be '
        "there. Remove it.",
        '"{name}" เผยแพร่จาก content/ ไม่ได้ ในโฟลเดอร์นี้มีได้เฉพาะหน้า (.md) และรูปภาพ (.png .jpg .jpeg .webp) กรุณาลบออก',
    ),
    "ui-text-missing": (
        E,
        'No text for "{key}", which the site shows. Add it, with th: and en:, like the texts around it.',
        'ไม่มีข้อความ "{key}" ซึ่งเว็บไซต์ต้องแสดง กรุณาเพิ่มพร้อม th: และ en: เหมือนข้อความอื่น',
    ),
    "ui-text-unused": (
        W,
        '"{key}" is not a text the site uses.{hint} Correct its name, or remove it.',
        '"{key}" ไม่ใช่ข้อความที่เว็บไซต์ใช้{hint_th} กรุณาแก้ชื่อให้ถูกต้อง หรือลบออก',
    ),
    "ui-text-braces": (
        E,
        'The {lang} text of "{key}" has braces that are not a placeholder. Write {{name}} where the site fills in a '
        'number or a name, or "{{count, plural, one {{# entry}} other {{# entries}}}}" for words that depend on a '
        "number.",
        'ข้อความ{lang_th}ของ "{key}" มีวงเล็บปีกกาที่ไม่ใช่ช่องเติมค่า เขียน {{name}} ตรงที่เว็บไซต์เติมตัวเลขหรือชื่อ '
        'หรือ "{{count, plural, one {{# entry}} other {{# entries}}}}" สำหรับคำที่เปลี่ยนตามจำนวน',
    ),
    "ui-text-placeholders": (
        E,
        'The {lang} text of "{key}" fills in {found}, but the site gives it {given}. Use exactly those, each in '
        "braces, as the text in the other language does.",
        'ข้อความ{lang_th}ของ "{key}" มีช่องเติมค่า {found} แต่เว็บไซต์เติมให้ {given} กรุณาใช้ให้ตรงกันทุกช่อง เหมือนข้อความอีกภาษา',
    ),
    # --- external links (python -m generator links; needs the network, never part of the build) ---
    "link-broken": (
        W,
        "{url} → {status}. The page is gone or refuses readers: fix the address or remove it.",
        "ลิงก์ {url} ใช้ไม่ได้ ({status}) กรุณาแก้ไขที่อยู่หรือลบออก",
    ),
    "link-unreachable": (
        W,
        "{url} → no answer ({reason}). Check the address; if the site is down, try again later.",
        "ลิงก์ {url} ไม่ตอบสนอง ({reason}) กรุณาตรวจสอบที่อยู่ หากเว็บไซต์ปิดชั่วคราวให้ลองใหม่ภายหลัง",
    ),
    "link-redirect": (
        W,
        "{url} → {status} → {target}. The page has moved: write the new address.",
        "ลิงก์ {url} ย้ายไปที่ {target} ({status}) กรุณาเปลี่ยนเป็นที่อยู่ใหม่",
    ),
}


def make_problem(
    code: str,
    path: str,
    line: int,
    column: int,
    field: str = "",
    **params: object,
) -> Problem:
    """Build a Problem for `code`, filling both language templates with `params`."""
    severity, en, th = MESSAGES[code]
    return Problem(
        path=path,
        line=line,
        column=column,
        code=code,
        severity=severity,
        field=field,
        message_en=en.format(**params),
        message_th=th.format(**params),
    )
