from django.contrib import admin

from timeline.models import Actor, ActorAlias, Article, Event, EventActor, Mention, Place


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1
    fields = ["name"]


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "slug"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    inlines = [ActorAliasInline]


@admin.register(ActorAlias)
class ActorAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "actor"]
    search_fields = ["name", "actor__name"]
    autocomplete_fields = ["actor"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "country"]
    search_fields = ["name"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}


class EventActorInline(admin.TabularInline):
    model = EventActor
    extra = 0
    autocomplete_fields = ["actor"]


class MentionInline(admin.StackedInline):
    model = Mention
    extra = 0
    fields = ["article", "sentence", "date_text", "date_value", "date_anchor", "confidence"]
    readonly_fields = [
        "article",
        "sentence",
        "date_text",
        "date_value",
        "date_anchor",
        "confidence",
    ]
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["date", "precision", "type", "summary", "status", "confidence", "curated"]
    list_filter = ["status", "type", "precision", "curated", "planned"]
    search_fields = ["summary", "mentions__sentence", "actors__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["place"]
    inlines = [EventActorInline, MentionInline]
    list_select_related = ["place"]


class ArticleMentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ["event", "sentence", "date_text"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published", "published_how", "language", "status"]
    list_filter = ["status", "outlet", "language", "published_how"]
    search_fields = ["title", "outlet", "url", "raw_text"]
    date_hierarchy = "published"
    readonly_fields = ["content_hash", "added_at", "extracted_at", "annotations"]
    inlines = [ArticleMentionInline]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["sentence", "article", "event", "date_text", "date_value"]
    search_fields = ["sentence", "article__title"]
    list_select_related = ["article", "event"]
    raw_id_fields = ["event", "article"]
