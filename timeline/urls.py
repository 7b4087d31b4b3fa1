from django.contrib import admin
from django.urls import include, path

from timeline import ingest_views, views

app_urls = (
    [
        path("", views.timeline, name="timeline"),
        path("export.csv", views.export_csv, name="export-csv"),
        path("export.json", views.export_json, name="export-json"),
        path("export.timelinejs.json", views.export_timelinejs, name="export-timelinejs"),
        path("export.ics", views.export_ics, name="export-ics"),
        path("actors/search/", views.actor_search, name="actor-search"),
        path("events/<int:pk>/", views.event_detail, name="event"),
        path("actors/<slug:slug>/", views.actor_detail, name="actor"),
        path("articles/<int:pk>/", views.article_detail, name="article"),
        path("ingest/", ingest_views.ingest, name="ingest"),
        path("ingest/<uuid:batch>/", ingest_views.status, name="ingest_status"),
        path("ingest/<uuid:batch>/confirm/", ingest_views.confirm, name="ingest_confirm"),
    ],
    "timeline",
)

urlpatterns = [
    path("admin/", admin.site.urls),
    # Browsers, feed readers and bookmarking tools ask for it without reading the page.
    path("favicon.ico", views.favicon),
    path("", include(app_urls)),
]
