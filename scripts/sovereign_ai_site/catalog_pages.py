"""Data catalog, one page per package and the data changelog, from the descriptors and release record.

Every fact on these pages (titles, versions, dates, types, constraints, counts)
is read from ``datapackage.json``, the tables, CITATION.cff or data/CHANGELOG.yml.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markupsafe import Markup

from sovereign_ai_site import citation, i18n, jsonld, markup
from sovereign_ai_site.cite import SOURCES_PAGE, Citations
from sovereign_ai_site.dictionary import anchor, described, dictionary, other_title, page_of, resource_page_of
from sovereign_ai_site.downloads import ALL_ZIP, CHECKSUMS, CITATION, licences, package_zip
from sovereign_ai_site.i18n import tr
from sovereign_ai_site.packages import DataPackage, Resource
from sovereign_ai_site.release import KINDS, Collection
from sovereign_ai_site.render import environment, format_date, format_number, render

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context
    from sovereign_ai_site.site import Inputs

PREVIEW_ROWS = 5
CATALOG = "data/index.md"
CHANGELOG = "data/changelog.md"


def catalog_pages(ctx: Context) -> dict[str, str | bytes]:
    inputs, lang = ctx.inputs, i18n.lang()
    """The data pages and the generated downloads (zips, CITATION.cff, SHA256SUMS)."""
    sizes = {path: len(content) for path, content in {**inputs.downloads, **inputs.packed}.items()}
    pages = {CATALOG: catalog_page(inputs, sizes, lang), CHANGELOG: changelog_page(inputs, lang)}
    cite = Citations(inputs.catalog, lang)
    for package in inputs.catalog.packages.values():
        pages[page_of(package.name)] = package_page(package, inputs.release, sizes, cite, lang)
        if len(package.resources) > 1:
            for resource in package.resources.values():
                pages[resource_page_of(package.name, resource.name)] = resource_page(package, resource, inputs.release, sizes, lang)
    return {**inputs.packed, **pages}


def resource_page(package: DataPackage, resource: Resource, collection: Collection, sizes: dict[str, int], lang: str) -> str:
    """One table of a package: its dictionary, first rows and download, citable on its own."""
    page = resource_page_of(package.name, resource.name)
    return render(
        f"resource.{lang}.md.jinja",
        resource=_resource(page, resource, sizes, package, lang),
        package=markup.anchor(described(package.descriptor, "title", lang), markup.relative(page, page_of(package.name))),
        cite_box=cite_box(page, collection, package, [package], lang),
    )


def catalog_page(inputs: Inputs, sizes: dict[str, int], lang: str) -> str:
    collection, packages = inputs.release, list(inputs.catalog.packages.values())
    rows = [
        [
            markup.anchor(described(p.descriptor, "title", lang), markup.relative(CATALOG, page_of(p.name))),
            described(p.descriptor, "description", lang),
            sum(len(r.table) for r in p.resources.values()),
            p.descriptor["version"],
            format_date(collection.updated(p.name).date, lang=lang),
        ]
        for p in packages
    ]
    tables = [
        [
            markup.anchor(f"{p.name}/{r.name}", markup.relative(CATALOG, f"{page_of(p.name)}#{anchor(r.name)}")),
            described(r.descriptor, "title", lang) or r.name,
            len(r.table),
            Markup(", ").join(Markup("<code>{}</code>").format(f["name"]) for f in r.fields),
            _file_link(CATALOG, r.path, sizes, lang),
        ]
        for p in packages
        for r in p.resources.values()
    ]
    return render(
        f"catalog.{lang}.md.jinja",
        rows=rows,
        tables=tables,
        all_zip=_file_link(CATALOG, ALL_ZIP, sizes, lang),
        checksums=_file_link(CATALOG, CHECKSUMS, sizes, lang),
        changelog=markup.anchor(tr(lang, ko="데이터 변경 기록", en="data changelog"), markup.relative(CATALOG, CHANGELOG)),
        collection=collection,
        release_date=format_date(collection.date, lang=lang),
        cite_box=cite_box(CATALOG, collection, None, packages, lang),
    )


def package_page(package: DataPackage, collection: Collection, sizes: dict[str, int], cite: Citations, lang: str) -> str:
    page, d = page_of(package.name), package.descriptor
    updated, dates = collection.updated(package.name), jsonld.date_range(package)
    cited = [v for r in package.resources.values() if "source_ids" in r.table for v in r.table["source_ids"].dropna()]
    distinct = len(dict.fromkeys(i for v in cited for i in v.split(";")))
    rows = tr(lang, ko="{}행, 표 {}개", en="{} in {} tables").format(format_number(sum(len(r.table) for r in package.resources.values())), len(package.resources))
    release = tr(lang, ko="{}(릴리스 {})", en="{} (release {})").format(format_date(updated.date, lang=lang), updated.version)
    span = tr(lang, ko=" ~ ", en=" to ").join(dict.fromkeys(format_date(x, lang=lang) for x in dates or []))
    documents = tr(lang, ko="행이 인용한 문서 {}건", en="{} documents cited by its rows").format(distinct)
    zip_name = package_zip(package.name).rsplit("/", 1)[1]
    facts = [
        [tr(lang, ko="패키지", en="Package"), Markup("<code>{}</code>").format(d["name"])],
        *([[tr(lang, ko="영문 제목", en="Korean title"), other_title(d, lang)]] if other_title(d, lang) else []),
        [tr(lang, ko="버전", en="Version"), d["version"]],
        [tr(lang, ko="최종 갱신", en="Last updated"), markup.anchor(release, markup.relative(page, CHANGELOG))],
        [tr(lang, ko="행 수", en="Rows"), rows],
        *([[tr(lang, ko="데이터의 날짜 범위", en="Dates in the data"), span]] if dates else []),
        [tr(lang, ko="라이선스", en="Licence"), _licence_links(licences([package]))],
        *([[tr(lang, ko="출처", en="Sources"), markup.anchor(documents, "#sources")]] if cited else []),
    ]
    contents = [
        (package_zip(package.name), tr(lang, ko="아래 파일 전부를 묶은 zip(README.txt, CITATION.cff 포함)", en="Everything below in one zip, with a README.txt and CITATION.cff")),
        (package.path, tr(lang, ko="설명 파일: 모든 열의 형식, 단위, 허용 값, 키(Table Schema)", en="Descriptor: every column's type, unit, allowed values and keys (Table Schema)")),
        *((r.path, tr(lang, ko="{}: {}행", en="{}: {} rows").format(described(r.descriptor, "title", lang) or r.name, len(r.table))) for r in package.resources.values()),
        (CHECKSUMS, tr(lang, ko="모든 다운로드 파일의 SHA-256 체크섬", en="SHA-256 checksums of every download")),
    ]
    files = [[_file_link(page, path, sizes, lang), text] for path, text in contents]
    return render(
        f"package.{lang}.md.jinja",
        package=d,
        title=described(d, "title", lang),
        description=described(d, "description", lang),
        facts=facts,
        files=files,
        zip_name=zip_name,
        sources=cite.all(cited, page),
        cite_box=cite_box(page, collection, package, [package], lang),
        resources=[_resource(page, r, sizes, package, lang) for r in package.resources.values()],
        jsonld=jsonld.script(jsonld.dataset(package, collection, zip_name, lang)),
    )


def changelog_page(inputs: Inputs, lang: str) -> str:
    collection, catalog = inputs.release, inputs.catalog
    releases = [
        {
            "version": r.version,
            "anchor": Markup(re.sub(r"[^a-z0-9-]+", "-", f"release-{r.version}".lower())),  # the same in both languages
            "date": format_date(r.date, lang=lang),
            "notes": r.notes_ko if lang == "ko" and r.notes_ko else r.notes,
            "untranslated": lang == "ko" and not r.notes_ko,
            "rows": [
                [
                    markup.anchor(key, markup.relative(CHANGELOG, f"{page_of(key.split('/')[0])}#{anchor(key.split('/')[1])}")),
                    *(counts.get(kind, 0) for kind in KINDS),
                ]
                for key, counts in sorted(r.rows.items())
            ],
        }
        for r in collection.releases
    ]
    packages = list(catalog.packages.values())
    return render(f"changelog.{lang}.md.jinja", releases=releases, cite_box=cite_box(CHANGELOG, collection, None, packages, lang))


def cite_box(page: str, collection: Collection, package: DataPackage | None, packages: list[DataPackage], lang: str) -> Markup:
    """The "cite this dataset" box with the licence statement, as a raw HTML block."""
    box = environment().get_template(f"cite.{lang}.html.jinja").render(
        package=package,
        message=collection.message,
        plain=citation.plain(collection, package, lang),
        bibtex=Markup.escape(citation.bibtex(collection, package, lang)),
        sources=markup.anchor(tr(lang, ko="출처 페이지", en="Sources page"), markup.relative(page, SOURCES_PAGE)),
        licences=_licence_links(licences(packages)),
        cff=markup.anchor("CITATION.cff", markup.relative(page, CITATION)),
    )
    return Markup(box)


def _resource(page: str, resource: Resource, sizes: dict[str, int], package: DataPackage, lang: str) -> dict[str, object]:
    d = resource.descriptor
    return {
        "anchor": Markup(anchor(resource.name)),
        "name": resource.name,
        "path": d["path"],
        "title": described(d, "title", lang) or resource.name,
        "description": described(d, "description", lang),
        "download": _file_link(page, resource.path, sizes, lang),
        "rows": len(resource.table),
        "primary_key": Markup(", ").join(Markup("<code>{}</code>").format(k) for k in d["schema"]["primaryKey"]),
        "variable": re.sub(r"\W", "_", resource.name),
        "parse_dates": str([f["name"] for f in resource.fields if f["type"] == "date"]),
        "dictionary": dictionary(page, resource, package, lang),
        "preview": markup.table([f["name"] for f in resource.fields], resource.table.head(PREVIEW_ROWS).values.tolist()),
        "own_page": markup.anchor(tr(lang, ko="이 표만 보기", en="This table on its own page"), markup.relative(page, resource_page_of(package.name, resource.name)))
        if len(package.resources) > 1 and page == page_of(package.name)
        else None,
    }


def _file_link(page: str, path: str, sizes: dict[str, int], lang: str) -> Markup:
    """A link to a download, named by its file name, with its size."""
    return markup.anchor(path.rsplit("/", 1)[1], markup.relative(page, path)) + Markup(" ({})").format(_size(sizes[path], lang))


def _size(count: int, lang: str) -> str:
    return f"{format_number(count / 1000)} kB" if count >= 1000 else tr(lang, ko="{}바이트", en="{} bytes").format(count)


def _licence_links(items: list[dict]) -> Markup:
    return Markup(", ").join(markup.link(x.get("title") or x["name"], x.get("path")) for x in items)
