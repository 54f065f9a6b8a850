// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import ArabicText

/// One test per layout rule of the main-text extraction, on small hand-written pages (Arabic among
/// them): what stays in `text`, what goes, and which rule found it.
@Suite("HTML main text: layout rules")
struct MainTextLayoutTests {
    private func extract(_ html: String) throws -> HTMLExtraction { try HTMLArticleExtractor.extract(html) }

    private func lines(_ html: String) throws -> [String] {
        try extract(html).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    // Paragraphs long enough to be read as article prose.
    private let p1 =
        "أعلنت الحكومة الليبية اليوم عن خطة جديدة لإعادة إعمار المدن المتضررة من الحرب، وتشمل الخطة بناء المدارس والمستشفيات."
    private let p2 =
        "وقال المتحدث باسم الحكومة إن التمويل سيأتي من ميزانية الدولة ومن المانحين الدوليين، وإن العمل سيبدأ في الربيع المقبل."
    private let p3 =
        "وأضاف أن الخطة تمتد على خمس سنوات، وأن لجنة مستقلة ستتابع التنفيذ وتنشر تقارير دورية عن التقدم المحرز في كل مدينة."

    @Test("an ASP.NET page whose whole body is a <form> keeps its article, not the date bar or copyright")
    func articleInForm() throws {
        let page = """
            <html dir="rtl" lang="ar"><head><title>خبر - الموقع</title></head><body>
            <form method="post" action="./News.aspx?id=5" id="aspnetForm">
            <input type="hidden" name="__VIEWSTATE" value="abc">
            <div class="topbar">الأحد 10 أغسطس 2015</div>
            <table><tr><td class="newsText">
            <span id="ctl00_lblTitle">إعادة إعمار المدن</span><br>
            <span id="ctl00_lblBody">\(p1)<br><br>\(p2)<br><br>\(p3)</span>
            </td></tr></table>
            <div class="copyright">جميع الحقوق محفوظة © 2015</div>
            </form></body></html>
            """
        let text = try lines(page)
        #expect(text.contains(p1))
        #expect(text.contains(p2))
        #expect(text.contains(p3))
        #expect(!text.contains { $0.contains("جميع الحقوق محفوظة") })
        #expect(!text.contains { $0.contains("الأحد 10 أغسطس") })
    }

    @Test("a small form (search, login) inside the page is left out")
    func smallFormLeftOut() throws {
        let page = """
            <html><body><form action="/search"><label>بحث</label><input name="q"><p>ابحث في الموقع عن الأخبار</p></form>
            <article><p>\(p1)</p><p>\(p2)</p></article></body></html>
            """
        #expect(try lines(page) == [p1, p2])
    }

    @Test("the headline and lead inside <article><header> are kept: the headline as title, the lead in text")
    func leadInHeader() throws {
        let page = """
            <html><head><title>الموقع | إعادة إعمار المدن</title></head><body>
            <article><header><h1>إعادة إعمار المدن الليبية</h1>
            <p class="lead">خطة حكومية بقيمة عشرة مليارات دينار لإعادة بناء ما دمرته الحرب.</p>
            <div class="byline">بقلم: أحمد علي</div></header>
            <div class="article-body"><p>\(p1)</p><p>\(p2)</p></div></article></body></html>
            """
        let a = try extract(page)
        #expect(a.title == "إعادة إعمار المدن الليبية")
        #expect(
            a.text.split(separator: "\n").map(String.init) == [
                "خطة حكومية بقيمة عشرة مليارات دينار لإعادة بناء ما دمرته الحرب.", p1, p2,
            ])
        #expect(a.rule == .articleBody)
    }

    @Test("a newsletter box inside the story is left out and the paragraphs around it stay")
    func newsletterInsideStory() throws {
        let page = """
            <html><body><div class="article-content"><p>\(p1)</p>
            <div class="newsletter-signup"><h3>النشرة البريدية</h3><p>اشترك في نشرتنا البريدية لتصلك آخر الأخبار كل صباح.</p>
            <form><input type="email"><button>اشترك</button></form></div>
            <p>\(p2)</p></div></body></html>
            """
        #expect(try lines(page) == [p1, p2])
    }

    @Test("reader comments after the story are left out")
    func commentsAfterStory() throws {
        let page = """
            <html><body><article><div class="entry-content"><p>\(p1)</p><p>\(p2)</p></div></article>
            <section id="comments"><h2>التعليقات</h2><div class="comment"><p>مقال رائع، شكرا للكاتب على هذا التحليل المفصل والمفيد جدا.</p></div>
            <div class="comment"><p>أختلف مع الكاتب في بعض النقاط لكن المقال جيد في مجمله ويستحق القراءة.</p></div></section>
            </body></html>
            """
        #expect(try lines(page) == [p1, p2])
    }

    @Test("related-article lists and 'read also' lines inside the story are left out")
    func relatedArticles() throws {
        let page = """
            <html><body><div class="post-content"><p>\(p1)</p>
            <p><strong>اقرأ أيضا:</strong> <a href="/n/2">انطلاق أعمال الصيانة في طرابلس</a></p>
            <p>\(p2)</p>
            <div class="related-posts"><h3>أخبار ذات صلة</h3><ul><li><a href="/n/3">الحكومة تعلن موازنة العام المقبل بزيادة كبيرة في الإنفاق على البنية التحتية</a></li>
            <li><a href="/n/4">مجلس النواب يصادق على قانون الاستثمار الجديد بعد نقاش طويل بين الكتل</a></li></ul></div>
            </div></body></html>
            """
        #expect(try lines(page) == [p1, p2])
    }

    @Test("cookie banners are left out, inside and outside the story")
    func cookieBanner() throws {
        let page = """
            <html><body><div id="cookie-banner"><p>We use cookies to improve your experience on our website. By browsing, you agree.</p>
            <button>Accept</button></div>
            <article><p>\(p1)</p><div class="cookie-notice"><p>هذا الموقع يستخدم ملفات تعريف الارتباط لتحسين تجربتك.</p></div>
            <p>\(p2)</p></article></body></html>
            """
        #expect(try lines(page) == [p1, p2])
    }

    @Test("image captions and credits are left out")
    func imageCaptions() throws {
        let page = """
            <html><body><article><p>\(p1)</p>
            <figure><img src="a.jpg" alt="صورة"><figcaption>رئيس الحكومة خلال المؤتمر الصحفي في طرابلس أمس</figcaption></figure>
            <div class="image-caption">مشهد من مدينة بنغازي بعد الحرب</div>
            <p>تصوير: رويترز</p>
            <p>\(p2)</p></article></body></html>
            """
        #expect(try lines(page) == [p1, p2])
    }

    @Test("menus, share bars and footers are left out")
    func chrome() throws {
        let page = """
            <html><body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">سياسة</a></li></ul></nav>
            <div class="menu"><a href="/a">اقتصاد</a> <a href="/b">رياضة</a></div>
            <article><div class="share-buttons"><a href="#">فيسبوك</a> <a href="#">تويتر</a></div>
            <p>\(p1)</p><p>\(p2)</p><p>شارك</p></article>
            <footer><p>جميع الحقوق محفوظة لموقع الأخبار 2015، ولا يجوز النقل دون إذن.</p></footer></body></html>
            """
        #expect(try lines(page) == [p1, p2])
    }

    @Test("an Arabic page with dir=rtl and Arabic class names keeps one paragraph per line")
    func arabicClassNames() throws {
        let page = """
            <html dir="rtl" lang="ar"><body><div class="القائمة"><a href="/">الرئيسية</a> <a href="/x">محليات</a></div>
            <div class="الخبر"><h1 class="عنوان">إعادة الإعمار</h1>
            <div class="نص-الخبر"><p>\(p1)</p><p>\(p2)</p><p>\(p3)</p></div></div>
            <div class="جانبي"><a href="/1">خبر آخر عن الطقس في المنطقة الشرقية</a></div></body></html>
            """
        let a = try extract(page)
        #expect(a.text.split(separator: "\n").map(String.init) == [p1, p2, p3])
        #expect(a.lang == "ar")
    }

    @Test("an Arabic page without cues: paragraphs found by text density, breaks kept")
    func arabicDensity() throws {
        let page = """
            <html dir="rtl"><body><div class="x1"><a href="/">الرئيسية</a> | <a href="/a">أخبار</a> | <a href="/b">رياضة</a></div>
            <div class="x2"><div class="x3"><p>\(p1)</p><p>\(p2)</p><p>\(p3)</p></div></div>
            <div class="x4"><ul><li><a href="/1">عنوان خبر أول</a></li><li><a href="/2">عنوان خبر ثان</a></li></ul></div>
            </body></html>
            """
        let a = try extract(page)
        #expect(a.text.split(separator: "\n").map(String.init) == [p1, p2, p3])
        #expect(a.rule == .textDensity || a.rule == .paragraphs)
    }

    @Test(
        "headings, lists, blockquotes and tables inside the main text are kept: one line each, a row's cells tab-separated"
    )
    func structureKept() throws {
        let page = """
            <html><body><article><p>\(p1)</p><h2>تفاصيل الخطة</h2>
            <ul><li>بناء ألف مدرسة في المدن المتضررة</li><li>ترميم عشرين مستشفى</li></ul>
            <blockquote>«لن نترك مدينة خلفنا» قال الوزير.</blockquote>
            <table><tr><th>المدينة</th><th>المبلغ</th></tr><tr><td>بنغازي</td><td>3 مليارات</td></tr></table>
            <p>\(p2)</p></article></body></html>
            """
        #expect(
            try lines(page) == [
                p1, "تفاصيل الخطة", "بناء ألف مدرسة في المدن المتضررة", "ترميم عشرين مستشفى",
                "«لن نترك مدينة خلفنا» قال الوزير.", "المدينة\tالمبلغ", "بنغازي\t3 مليارات", p2,
            ])
    }

    @Test("a story split into several body modules is read whole")
    func splitBody() throws {
        let page = """
            <html><body><div class="wrap"><div class="module"><div class="article-text"><p>\(p1)</p></div></div>
            <div class="module ad"><p>إعلان</p></div>
            <div class="module"><div class="article-text"><p>\(p2)</p><p>\(p3)</p></div></div></div></body></html>
            """
        #expect(try lines(page) == [p1, p2, p3])
    }

    @Test("hidden elements are left out")
    func hidden() throws {
        let page = """
            <html><body><article><p>\(p1)</p><p style="display: none">نص مخفي لا يظهر للقارئ في الصفحة أبدا</p>
            <div hidden><p>نص آخر مخفي بالسمة hidden ولا يظهر</p></div><p>\(p2)</p></article></body></html>
            """
        #expect(try lines(page) == [p1, p2])
    }
}
