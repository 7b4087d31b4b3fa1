from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Timeline"


class TimelineAdminConfig(AdminConfig):
    """The admin, with a site that answers 403 to signed-in people who aren't staff."""

    default_site = "timeline.admin_site.TimelineAdminSite"
