"""Pages: one package each (``layout.py``, ``callbacks.py`` with ``register(app, services)``, view models).

Where things live
-----------------
Each Dash page is a package: ``layout.py`` builds it, ``callbacks.py`` registers its callbacks (thin: unpack, call a
handler, return), its view models turn data into what the page shows; texts are in ``dashboard/i18n/<module>.py``.
No module under ``dashboard/views``, ``public``, ``presentation``, ``auth`` or ``brief`` passes ~400 lines
(``tests/app/test_page_shape.py`` fails at 420). The same map, as a table, is in README.md ("Where things live").

==========================  =============================  ==============================================
page / URL                  package (layout; callbacks)    view models · i18n · tests
==========================  =============================  ==============================================
``/`` map                   views/map_page/                choice, choropleth, profile, two_numbers,
                                                           print_view · ui, summary · tests/app/test_map_*,
                                                           browser/test_map_journeys
``/lokus``                  views/lokus_page/              model, ranking, criteria, scenarios, decree,
                                                           export · lokus, commitments · tests/lokus/
``/kesenjangan``            views/gaps_page/               model, drill, change, profile · gaps · tests/gaps/
``/wilayah``                views/region_page/             model · region, levels · tests/region/
``/data``                   views/data_page/               datasets, preview, report, uploads · data_page,
                                                           problems · tests/app/test_data_page
``/audit``                  views/audit_page/              model · auth (audit.*) · tests/auth/test_auth030_web
``/publikasi``              views/publication_page/        model · publication (pubpage.*) · tests/publication/
frame, navigation, router   views/shell.py (PAGES)         ui · tests/app/test_pages, test_page_shape
``/publik``…, ``/unduh``    public/ (templates/*.html;     district_model, content, painting, downloads ·
(Flask)                     routes, file_routes,           public · tests/public/,
                            map_routes, api)               browser/test_public_map_journeys
``/paparan/<kode>``         presentation/ (page)           deck (a–d), review (e, f), slides · paparan ·
                                                           tests/presentation/, browser/test_paparan_journeys
brief (PDF, print)          brief/ (page; views/           content, trend, pdf · brief, printing ·
                            brief_route.py)                tests/brief/, browser/test_print_journeys
``/login``, /akun/sandi     auth/ (signin; web, checks)    session, roles, guard · auth · tests/auth/,
                                                           browser/test_access_journeys
==========================  =============================  ==============================================
"""
