package com.trackagoat.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.trackagoat.api.Bodies.str;

/**
 * Generates malformed requests for every endpoint, deterministically from a seed. Each {@link Case}
 * carries what the contract says about it ({@link Expect}): at least "a 4xx in the envelope", and
 * where the check order of docs/reference/conventions.md §4 decides it, the exact status, code and param/field.
 */
final class BadInputGenerator {

    /** Valid ids of the fixture, so that each malformation hits a route that would otherwise succeed. */
    record Ids(UUID project, UUID creator, UUID video, UUID campaign, UUID annotation, UUID spareKey, UUID targetOrg, String key, String adminKey) {
    }

    /** What the contract requires of the answer; null members are not checked. */
    record Expect(Set<Integer> statuses, String code, String metaKey, String metaValue, boolean byCodec) {
        Expect(Set<Integer> statuses, String code, String metaKey, String metaValue) {
            this(statuses, code, metaKey, metaValue, false);
        }

        static Expect any() {
            return new Expect(Set.of(), null, null, null);
        }

        /**
         * Not HTTP the codec accepts (a control character in a header value, a broken
         * percent-escape in the target): Vert.x answers a bare 400 and closes before any
         * application code runs; Quarkus offers no hook to envelope it.
         */
        static Expect codec() {
            return new Expect(Set.of(400), null, null, null, true);
        }

        static Expect clientError() {
            return new Expect(range(400, 499), null, null, null);
        }

        static Expect status(int status) {
            return new Expect(Set.of(status), null, null, null);
        }

        static Expect code(int status, String code) {
            return new Expect(Set.of(status), code, null, null);
        }

        static Expect param(String code, String param) {
            return new Expect(Set.of(400), code, "param", param);
        }

        static Expect field(String field) {
            return new Expect(Set.of(400), "invalid_body", "field", field);
        }

        static Expect body() {
            return new Expect(Set.of(400), "invalid_body", null, null);
        }

        /** {@code Malformed JSON body}: invalid_body without a field. */
        static Expect malformed() {
            return new Expect(Set.of(400), "invalid_body", "field", null);
        }

        static Set<Integer> range(int from, int to) {
            Set<Integer> s = new java.util.HashSet<>();
            for (int i = from; i <= to; i++) {
                s.add(i);
            }
            return s;
        }

        @Override
        public String toString() {
            return (byCodec ? "codec " : "") + (statuses.isEmpty() ? "<500" : statuses.size() > 5 ? "4xx" : statuses.toString())
                    + (code == null ? "" : " " + code) + (metaKey == null ? "" : " " + metaKey + "=" + metaValue);
        }
    }

    record Case(String group, String method, String target, Map<String, byte[]> headers, byte[] body, boolean chunked,
                boolean headersOnly, Expect expect) {
        RawHttp.Request request() {
            return new RawHttp.Request(method, target, headers, body, chunked, headersOnly);
        }

        String describe() {
            String b = body == null ? "" : " body=" + preview(body);
            String h = headers.entrySet().stream().filter(e -> !e.getKey().equals("Authorization") || e.getValue().length < 20)
                    .map(e -> e.getKey() + ":" + preview(e.getValue())).collect(Collectors.joining(",", "[", "]"));
            return "[" + group + "] " + method + " " + (target.length() > 200 ? target.substring(0, 200) + "…(" + target.length() + ")" : target)
                    + " " + h + b;
        }

        private static String preview(byte[] bytes) {
            String s = new String(bytes, 0, Math.min(bytes.length, 120), StandardCharsets.ISO_8859_1)
                    .replaceAll("[\\x00-\\x1f\\x7f-\\xff]", "·");
            return bytes.length > 120 ? s + "…(" + bytes.length + " bytes)" : s;
        }
    }

    enum Query { NONE, LIST, STATS, ANALYTICS, ITEM_DELETE }

    /**
     * The shape of a body field. {@code ENUM_OR_NULL} and {@code UUID_OR_NULL} accept {@code null} (not given), so it is
     * none of their bad values; {@code TEXT} is a string of at most 5,000 characters.
     */
    enum Kind { NAME, NAME_REQ, README, TEXT, METADATA, INT, TIMESTAMP, HANDLE, ENUM, ENUM_OR_NULL, UUID_STR, UUID_OR_NULL, UUID_ARRAY, DATE, BOOL,
        SCOPES, TZ, URL }

    record Field(String name, Kind kind, List<String> allowed) {
    }

    /** One route: its path holds at most one id ({@code pathParam}), named in errors as in the contract. */
    record Route(String method, String template, String pathParam, String pathKind, Query query, List<String> filters,
                 List<Field> fields, String baseBody, boolean creating, boolean admin, String statsEntity) {
        boolean hasBody() {
            return fields != null;
        }
    }

    static final int MIB = 1024 * 1024;
    static final int MAX_REQUEST_LINE = 16 * 1024;

    private final Random rnd;
    private final Ids ids;
    private final List<Route> routes;
    private final List<Case> cases = new ArrayList<>();

    BadInputGenerator(long seed, Ids ids) {
        this.rnd = new Random(seed);
        this.ids = ids;
        this.routes = routes();
    }

    List<Route> allRoutes() {
        return routes;
    }

    // ------------------------------------------------------------------------------------ routes

    private static Field f(String name, Kind kind, String... allowed) {
        return new Field(name, kind, List.of(allowed));
    }

    private List<Route> routes() {
        List<Field> projectPatch = List.of(f("name", Kind.NAME), f("readme", Kind.README));
        List<Field> campaignFields = List.of(f("name", Kind.NAME), f("readme", Kind.README), f("metadata", Kind.METADATA),
                f("target_views", Kind.INT), f("target_at", Kind.TIMESTAMP));
        List<Field> campaignCreate = List.of(f("name", Kind.NAME_REQ), f("readme", Kind.README), f("metadata", Kind.METADATA),
                f("target_views", Kind.INT), f("target_at", Kind.TIMESTAMP));
        String none = null;
        List<Route> r = new ArrayList<>();
        // projects
        r.add(new Route("GET", "/api/v1/projects", none, none, Query.LIST, List.of(), null, null, false, false, null));
        r.add(new Route("POST", "/api/v1/projects", none, none, Query.NONE, List.of(),
                List.of(f("name", Kind.NAME_REQ), f("readme", Kind.README)), "{\"name\":\"Fuzz project\"}", true, false, null));
        r.add(new Route("GET", "/api/v1/projects/:id", "id", "project", Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("PATCH", "/api/v1/projects/:id", "id", "project", Query.NONE, List.of(), projectPatch, "{}", false, false, null));
        r.add(new Route("POST", "/api/v1/projects/:id/creators", "projectId", "project", Query.NONE, List.of(),
                List.of(f("tiktok_handle", Kind.HANDLE), f("tracking_mode", Kind.ENUM, "auto", "selective"),
                        f("tracking_start_date", Kind.DATE), f("readme", Kind.README), f("metadata", Kind.METADATA)),
                "{\"tiktok_handle\":\"fuzz.handle\"}", true, false, null));
        r.add(new Route("POST", "/api/v1/projects/:id/creators/bulk-reenable", "projectId", "project", Query.NONE, List.of(),
                List.of(f("creator_ids", Kind.UUID_ARRAY)), "{}", false, false, null));
        r.add(new Route("POST", "/api/v1/projects/:id/creators/bulk-remove", "projectId", "project", Query.NONE, List.of(),
                List.of(f("creator_ids", Kind.UUID_ARRAY)), "{}", false, false, null));
        r.add(new Route("POST", "/api/v1/projects/:id/videos", "projectId", "project", Query.NONE, List.of(),
                List.of(f("url", Kind.URL), f("creator_id", Kind.UUID_STR), f("readme", Kind.README), f("metadata", Kind.METADATA)),
                "{\"url\":\"https://www.tiktok.com/@fuzz.handle/video/7300000000000000001\"}", true, false, null));
        r.add(new Route("POST", "/api/v1/projects/:id/videos/bulk-tracking-disable", "projectId", "project", Query.NONE, List.of(),
                List.of(f("video_ids", Kind.UUID_ARRAY)), "{}", false, false, null));
        r.add(new Route("POST", "/api/v1/projects/:id/campaigns", "projectId", "project", Query.NONE, List.of(), campaignCreate,
                "{\"name\":\"Fuzz campaign\"}", true, false, null));
        // creators
        r.add(new Route("GET", "/api/v1/creators", none, none, Query.LIST, List.of("project_id", "search"), null, null, false, false, null));
        r.add(new Route("GET", "/api/v1/creators/:id", "id", "creator", Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("PATCH", "/api/v1/creators/:id", "id", "creator", Query.NONE, List.of(),
                List.of(f("readme", Kind.README), f("tiktok_handle", Kind.HANDLE), f("metadata", Kind.METADATA),
                        f("tracking_mode", Kind.ENUM, "auto", "selective")), "{}", false, false, null));
        r.add(new Route("DELETE", "/api/v1/creators/:id", "id", "creator", Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("POST", "/api/v1/creators/:id/scrape", "id", "creator", Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("GET", "/api/v1/creators/:id/stats", "id", "creator", Query.STATS, List.of(), null, null, false, false, "creator"));
        // videos
        r.add(new Route("GET", "/api/v1/videos", none, none, Query.LIST, List.of("project_id", "creator_id", "tracking_status"),
                null, null, false, false, null));
        r.add(new Route("GET", "/api/v1/videos/:id", "id", "video", Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("PATCH", "/api/v1/videos/:id", "id", "video", Query.NONE, List.of(),
                List.of(f("readme", Kind.README), f("metadata", Kind.METADATA),
                        f("tracking_status", Kind.ENUM, "auto_tracked", "pending_review", "included", "excluded", "direct_add")),
                "{}", false, false, null));
        r.add(new Route("DELETE", "/api/v1/videos/:id", "id", "video", Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("POST", "/api/v1/videos/:id/tracking-disable", "id", "video", Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("POST", "/api/v1/videos/:id/tracking-enable", "id", "video", Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("POST", "/api/v1/videos/:id/scrape", "id", "video", Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("GET", "/api/v1/videos/:id/stats", "id", "video", Query.STATS, List.of(), null, null, false, false, "video"));
        // campaigns
        r.add(new Route("GET", "/api/v1/campaigns", none, none, Query.LIST, List.of("project_id"), null, null, false, false, null));
        r.add(new Route("GET", "/api/v1/campaigns/:id", "id", "campaign", Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("PATCH", "/api/v1/campaigns/:id", "id", "campaign", Query.NONE, List.of(), campaignFields, "{}", false, false, null));
        r.add(new Route("DELETE", "/api/v1/campaigns/:id", "id", "campaign", Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("GET", "/api/v1/campaigns/:id/items", "id", "campaign", Query.LIST, List.of(), null, null, false, false, null));
        r.add(new Route("POST", "/api/v1/campaigns/:id/items", "id", "campaign", Query.NONE, List.of(),
                List.of(f("item_type", Kind.ENUM, "creator", "video", "campaign"), f("item_id", Kind.UUID_STR)),
                "{\"item_type\":\"creator\",\"item_id\":\"" + ids.creator() + "\"}", true, false, null));
        r.add(new Route("DELETE", "/api/v1/campaigns/:id/items", "id", "campaign", Query.ITEM_DELETE, List.of(), null, null, false, false, null));
        r.add(new Route("GET", "/api/v1/campaigns/:id/stats", "id", "campaign", Query.STATS, List.of(), null, null, false, false, "campaign"));
        // annotations
        String[] kinds = {"note", "launch", "milestone", "incident"};
        r.add(new Route("GET", "/api/v1/analytics", none, none, Query.ANALYTICS, List.of(), null, null, false, false, null));
        r.add(new Route("GET", "/api/v1/analytics/schema", none, none, Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("GET", "/api/v1/analytics/annotations", none, none, Query.LIST, List.of("entity_type", "entity_id", "from", "to"),
                null, null, false, false, null));
        r.add(new Route("POST", "/api/v1/analytics/annotations", none, none, Query.NONE, List.of(),
                List.of(f("date", Kind.DATE), f("title", Kind.NAME_REQ), f("body", Kind.TEXT), f("kind", Kind.ENUM, kinds),
                        f("entity_type", Kind.ENUM_OR_NULL, "project", "creator", "video", "campaign"), f("entity_id", Kind.UUID_OR_NULL)),
                "{\"date\":\"2026-03-04\",\"title\":\"Fuzz annotation\"}", true, false, null));
        r.add(new Route("PATCH", "/api/v1/analytics/annotations/:id", "id", "annotation", Query.NONE, List.of(),
                List.of(f("date", Kind.DATE), f("title", Kind.NAME), f("body", Kind.TEXT), f("kind", Kind.ENUM, kinds)), "{}", false, false, null));
        r.add(new Route("DELETE", "/api/v1/analytics/annotations/:id", "id", "annotation", Query.NONE, List.of(), null, null, false, false, null));
        // schema, keys, organization, admin
        r.add(new Route("GET", "/api/v1/schema", none, none, Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("GET", "/api/v1/openapi.json", none, none, Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("GET", "/api/v1/api-keys", none, none, Query.LIST, List.of(), null, null, false, false, null));
        r.add(new Route("POST", "/api/v1/api-keys", none, none, Query.NONE, List.of(),
                List.of(f("name", Kind.NAME_REQ), f("scopes", Kind.SCOPES)), "{\"name\":\"Fuzz key\"}", false, false, null));
        r.add(new Route("DELETE", "/api/v1/api-keys/:id", "id", "key", Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("GET", "/api/v1/organization", none, none, Query.NONE, List.of(), null, null, false, false, null));
        r.add(new Route("PATCH", "/api/v1/organization", none, none, Query.NONE, List.of(),
                List.of(f("name", Kind.NAME), f("timezone", Kind.TZ)), "{}", false, false, null));
        r.add(new Route("GET", "/api/v1/admin/organizations", none, none, Query.LIST, List.of(), null, null, false, true, null));
        r.add(new Route("POST", "/api/v1/admin/organizations", none, none, Query.NONE, List.of(),
                List.of(f("name", Kind.NAME_REQ), f("tier", Kind.ENUM, "free", "starter", "ultra"), f("timezone", Kind.TZ)),
                "{\"name\":\"Fuzz org\"}", false, true, null));
        r.add(new Route("PATCH", "/api/v1/admin/organizations/:id", "id", "org", Query.NONE, List.of(),
                List.of(f("name", Kind.NAME), f("tier", Kind.ENUM, "free", "starter", "ultra"), f("timezone", Kind.TZ),
                        f("banned", Kind.BOOL)), "{}", false, true, null));
        r.add(new Route("POST", "/api/v1/admin/organizations/:id/rollups/rebuild", "id", "org", Query.NONE, List.of(), null, null, false, true, null));
        return r;
    }

    private String validId(String kind) {
        return switch (kind) {
            case "project" -> ids.project().toString();
            case "creator" -> ids.creator().toString();
            case "video" -> ids.video().toString();
            case "campaign" -> ids.campaign().toString();
            case "annotation" -> ids.annotation().toString();
            case "key" -> ids.spareKey().toString();
            case "org" -> ids.targetOrg().toString();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The route's path with its id (already on the wire, i.e. percent-encoded) in place. */
    private String path(Route r, String wireId) {
        return r.pathParam() == null ? r.template() : r.template().replace(":id", wireId);
    }

    private String validPath(Route r) {
        if (r.query() == Query.ANALYTICS) {
            return r.template() + "?" + query(analyticsBase());
        }
        return r.pathParam() == null ? r.template() : path(r, validId(r.pathKind()));
    }

    private String keyFor(Route r) {
        return r.admin() ? ids.adminKey() : ids.key();
    }

    // ------------------------------------------------------------------------------- bad values

    /** A value as sent on the wire (already percent-encoded) and as the server decodes it (null: undefined). */
    record Bad(String wire, String decoded) {
    }

    static String pct(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    private static Bad enc(String decoded) {
        return new Bad(pct(decoded), decoded);
    }

    private static Bad raw(String wire) {
        return new Bad(wire, null);
    }

    private List<Bad> badUuids() {
        String v = UUID.randomUUID().toString();
        String u = new UUID(rnd.nextLong(), rnd.nextLong()).toString();
        List<Bad> l = new ArrayList<>(List.of(
                enc(""), enc("abc"), enc("123"), enc("1-1-1-1-1"), enc(u.substring(0, 35)), enc(u + "0"), enc(u.replace("-", "")),
                enc(u.substring(0, 9) + "g" + u.substring(10)), enc("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"), enc(" " + u), enc(u + " "),
                enc(u.substring(0, 18) + " " + u.substring(19)), enc("{" + u + "}"), enc("urn:uuid:" + u),
                enc(u.substring(0, 35) + "ａ"), enc(u.substring(0, 35) + "ü"), enc("😀" + u.substring(2)), enc("١٢٣٤٥٦٧٨-1234-1234-1234-123456789012"),
                enc(u + "\u0000"), enc("\u0000"), enc(u.substring(0, 8) + "\u0000" + u.substring(9)), enc("a".repeat(5000)), enc(u.repeat(100)),
                enc("null"), enc("undefined"), enc("-1"), enc("0"), enc("1e3"), enc("true"), enc(u + "\n"), enc("\t" + u),
                enc(u.substring(0, 13) + u.substring(14, 15) + "-" + u.substring(15)), enc(u.replace('-', '_')), enc("Ä" + u.toUpperCase().substring(1)),
                enc("0123456789ab-cdef-0123-4567-89abcdef0123"), enc("%"), enc("%00"), enc("' OR '1'='1"), enc("<script>"), enc(v.substring(0, 8)),
                raw("%ZZ"), raw("%"), raw("%E2%82"), raw("%C0%AF"), raw("%FF%FE"), raw(u + "%00"), raw("%u0041"), raw(u.substring(0, 35) + "%"),
                enc("/"), enc("."), enc(".."), enc(u + "/x"), new Bad("..", ".."), new Bad(".", "."), raw(u + ";x=1")));
        for (int i = 0; i < 12; i++) {
            l.add(enc(randomJunk(1 + rnd.nextInt(60))));
        }
        return l;
    }

    private String randomJunk(int n) {
        String alphabet = "0123456789abcdefABCDEF----ghxyz _+=%&?#;:,.!~é中\u0000\u202e";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        String s = b.toString();
        return s.matches("(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$") ? s + "x" : s;
    }

    /** The contract's answer to a bad UUID in the path: 400 invalid_params, unless the value changes the route. */
    private static Expect pathExpect(Bad b, String param) {
        String d = b.decoded();
        if (d == null || d.contains(";")) {
            return Expect.clientError();
        }
        if (d.isEmpty() || d.contains("/") || d.equals(".") || d.equals("..")) {
            return Expect.any();   // another route answers (a list, 404, 405)
        }
        return Expect.param("invalid_params", param);
    }

    private static final List<String> BAD_DATES = List.of("2026-02-30", "26-1-1", "2026-13-01", "garbage", "2026-1-01", "2026-01-1",
            " 2026-01-01", "2026-01-01 ", "2026-01-01T00:00:00Z", "٢٠٢٦-٠١-٠١", "+2026-01-01", "20260101", "2026/01/01", "0000-00-00",
            "2026-00-10", "2026-02-29", "-001-01-01", "2026-04-31", "2026-01-32", "99999-01-01", "2026-01-01\u0000", "１９９９-０１-０１",
            "null", "2026-W01-1", "2026-001");
    private static final List<String> BAD_ZONES = List.of("UTC+25", "Mars/Base", "utc", "SystemV/AST4", "SystemV/EST5EDT", " UTC", "UTC ",
            "Europe/berlin", "+01:00", "GMT+1", "Z", "America/New_York\n", "../../etc/passwd", "Europe/Berlin\u0000", "Etc/GMT+15",
            "America//New_York", "EUROPE/BERLIN", "x".repeat(5000), "Asia/Kolkata/", "UTC;DROP TABLE organization");
    private static final List<String> BAD_LIMITS = List.of("0", "-1", "1.5", "1e3", "abc", " 5", "5 ", "0x10", "00", "+5", "٣", "５",
            "1,000", "10%", "NaN", "Infinity", "-0", "5\u0000", "1_000", "0.0");
    private static final List<String> BAD_METRICS = List.of("views", "ENGAGEMENT_RATE_BY_VIEWS", "engagement_rate_by_views ", "growth",
            "posts-per-week", "1", "null", "engagement_rate_by_views\u0000", "x".repeat(3000));
    private static final List<String> BAD_GRANULARITIES = List.of("week", "DAY", "hour", "1", "month", "days", " day", "day\u0000");
    private static final List<String> BAD_COHORTS = List.of("yes", "2", "TRUE", "-1", "1.0", "on", " 1", "false ", "0x1", "\u0000");
    private static final List<String> BAD_ENTITY_TYPES = List.of("Video", "organization", "videos", "x", "video ", "\u0000", "null",
            "item", "project,video");
    private static final List<String> BAD_STATUSES = List.of("AUTO_TRACKED", "deleted", "excluded", "x", "pending review", "direct_add ",
            "\u0000", "null");

    private List<Bad> badCursors() {
        List<Bad> l = new ArrayList<>();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        for (int i = 0; i < 6; i++) {
            byte[] bytes = new byte[1 + rnd.nextInt(80)];
            rnd.nextBytes(bytes);
            l.add(enc(b64.encodeToString(bytes)));
        }
        l.add(enc("not base64!"));
        l.add(enc("@@@@"));
        l.add(enc("a"));
        l.add(enc("====="));
        l.add(enc("YWJj+/=="));
        l.add(enc("\u0000"));
        l.add(enc("é"));
        l.add(enc("A".repeat(12_000)));
        l.add(enc(b64.encodeToString("12_notauuid".getBytes(StandardCharsets.US_ASCII))));
        l.add(enc(b64.encodeToString(("99999999999999999999_" + ids.project()).getBytes(StandardCharsets.US_ASCII))));
        l.add(enc(b64.encodeToString(("1_" + ids.project().toString().toUpperCase()).getBytes(StandardCharsets.US_ASCII))));
        l.add(enc(b64.encodeToString(("_" + ids.project()).getBytes(StandardCharsets.US_ASCII))));
        l.add(enc(b64.encodeToString("x".repeat(3000).getBytes(StandardCharsets.US_ASCII))));
        return l;
    }

    /** Cursors that decode but name extreme positions: the list answers (200, empty or not) or refuses (400), never 500. */
    private List<Bad> extremeCursors() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        List<Bad> l = new ArrayList<>();
        for (String micros : List.of("-9223372036854775808", "9223372036854775807", "0", "-1", "-62135596800000000", "253402300799999999",
                "-210866803200000000", "9224318016000000000")) {
            l.add(enc(b64.encodeToString((micros + "_" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII))));
        }
        return l;
    }

    // ----------------------------------------------------------------------------- bad bodies

    /** Values of the wrong type or format for a field, as JSON text; each must answer 400 invalid_body with the field. */
    private List<String> badValues(Field f) {
        List<String> l = new ArrayList<>();
        switch (f.kind()) {
            case NAME, NAME_REQ -> l.addAll(List.of("5", "1.5", "true", "[]", "{}", "null", "\"\"", "\"   \"", "\"\\t\\n\"",
                    str("x".repeat(201)), str("é".repeat(201)), str("y".repeat(300_000)), "[\"name\"]", "{\"name\":\"x\"}", "-0", "1e400"));
            case README -> l.addAll(List.of("5", "true", "[]", "{}", "[null]", str("r".repeat(100_001)), "0.5", "false"));
            case TEXT -> l.addAll(List.of("5", "true", "[]", "{}", "[null]", str("t".repeat(5_001)), str("é".repeat(5_001)), "0.5", "false"));
            case METADATA -> l.addAll(List.of("\"str\"", "5", "[]", "true", "null", "[{}]", "{\"a\":\"" + "m".repeat(17_000) + "\"}", "\"{}\"",
                    bigObject()));
            case INT -> l.addAll(List.of("\"5\"", "1.5", "1e3", "1.0", "-1", "99999999999999999999", "true", "[]", "{}", "\"\"", "-9223372036854775809",
                    "9".repeat(500), "1E2", "-0.0"));
            case TIMESTAMP -> l.addAll(List.of("5", "true", "[]", "{}", "\"2026-02-30T00:00:00Z\"", "\"garbage\"", "\"2026-03-15\"",
                    "\"2026-03-15T10:00:00\"", "\"2026-13-01T00:00:00Z\"", "\"2026-03-15T25:00:00Z\"", "\"2026-03-15T10:00:00+25:00\"",
                    "\"\"", "\"1710496800\"", "1710496800", str("2026-03-15T10:00:00Z" + " ".repeat(60))));
            case HANDLE -> l.addAll(List.of("5", "true", "[]", "{}", "null", "1.5", "[\"@x\"]", "{\"handle\":\"x\"}"));
            case ENUM, ENUM_OR_NULL -> {
                l.addAll(List.of("5", "true", "[]", "{}", "null", "\"\"", "\"x\"", "\"" + f.allowed().get(0).toUpperCase() + "\"",
                        "\" " + f.allowed().get(0) + "\"", "[\"" + f.allowed().get(0) + "\"]"));
            }
            case UUID_STR, UUID_OR_NULL -> l.addAll(List.of("5", "true", "[]", "{}", "null", "\"\"", "\"not-a-uuid\"", str(ids.creator() + "0"),
                    str("{" + ids.creator() + "}"), str(ids.creator().toString().replace("-", "")), "[\"" + ids.creator() + "\"]",
                    str("\u0000"), str(" " + ids.creator())));
            case UUID_ARRAY -> {
                l.addAll(List.of("\"x\"", "[]", "[5]", "[\"bad\"]", "null", "{}", "5", "[null]", "[[\"" + ids.creator() + "\"]]",
                        "[\"" + ids.creator() + "\", 5]", "[{\"id\":\"" + ids.creator() + "\"}]", "\"" + ids.creator() + "\""));
                l.add(java.util.stream.IntStream.range(0, 101).mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                        .collect(Collectors.joining(",", "[", "]")));
            }
            case DATE -> l.addAll(List.of("\"2026-02-30\"", "\"26-1-1\"", "\"2026-13-01\"", "5", "\"garbage\"", "null", "true", "[]",
                    "\"2026-01-01T00:00:00Z\"", "\"\"", "20260101", "\"+99999-01-01\""));
            case BOOL -> l.addAll(List.of("\"true\"", "1", "0", "null", "[]", "{}", "\"yes\""));
            case SCOPES -> l.addAll(List.of("\"read\"", "[]", "[\"READ\"]", "[5]", "[\"root\"]", "null", "{}", "[null]", "[[\"read\"]]",
                    "[\"read \"]", "true"));
            case TZ -> l.addAll(List.of("\"UTC+25\"", "\"Mars/Base\"", "\"utc\"", "\"SystemV/AST4\"", "\"\"", "5", "null", "[]",
                    "\"Europe/berlin\"", "\"+01:00\"", str("x".repeat(100))));
            case URL -> l.addAll(List.of("5", "null", "[]", "{}", "true", str("https://www.tiktok.com/" + "x".repeat(2049))));
        }
        if (f.kind() == Kind.ENUM_OR_NULL || f.kind() == Kind.UUID_OR_NULL) {
            l.remove("null");
        }
        // nested structures of the wrong type
        l.add("[[[[[[[[[[1]]]]]]]]]]");
        if (f.kind() != Kind.METADATA) {
            l.add("{\"a\":{\"b\":{\"c\":[1,{\"d\":null}]}}}");
        }
        return l;
    }

    /** Values of the right type whose content a rule refuses (409 invalid_handle, 404, 400): a 4xx, never a 500. */
    private List<String> refusedValues(Field f) {
        return switch (f.kind()) {
            case HANDLE -> List.of("\"bad handle!\"", "\"\"", "\"@\"", "\"x\\u0000y\"", str("a".repeat(31)), "\"\u00fcmlaut\"", "\"\\ud800\"",
                    str("https://www.tiktok.com/@" + "b".repeat(40)), "\"@@double\"", "\"a b\"");
            case URL -> List.of("\"not a url\"", "\"https://example.com/video/1\"", "\"https://www.tiktok.com/@x/video/abc\"", "\"\"",
                    "\"javascript:alert(1)\"", "\"https://www.tiktok.com/@x/video/1\\u0000\"", "\"https://www.tiktok.com/@\\ud800/video/1\"");
            case UUID_STR, UUID_OR_NULL -> List.of("\"" + UUID.randomUUID() + "\"", "\"00000000-0000-0000-0000-000000000000\"");
            case NAME, NAME_REQ -> List.of("\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u202e\\u0000\"", str("z\u0000"));
            case README, TEXT -> List.of("\"a\\u0000b\"", "\"\\ud83d\"", str("\u0000".repeat(10)));
            case METADATA -> List.of("{\"k\":\"a\\u0000b\"}", "{\"a\\u0000\":1}", "{\"k\":\"\\ud800\"}", "{\"\\udfff\":true}",
                    "{\"n\":" + "1".repeat(2000) + "}", "{\"k\":[\"\\u0000\"]}");
            case TIMESTAMP -> List.of("\"+999999-01-01T00:00:00Z\"", "\"-999999-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"",
                    "\"2026-03-15T10:00:00.123456789123Z\"", "\"+2026-03-15T10:00:00Z\"");
            case TZ -> List.of("\"Etc/GMT+14\"", "\"UTC\\u0000\"");
            default -> List.of();
        };
    }

    /** Edge values that may be valid; sent only to PATCH routes (nothing is created): any answer but a 500. */
    private List<String> edgeValues(Field f) {
        return switch (f.kind()) {
            case INT -> List.of("9223372036854775807", "2147483648", "0");
            case TIMESTAMP -> List.of("\"0000-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59-18:00\"", "\"1970-01-01T00:00:00+18:00\"");
            case METADATA -> List.of("{\"n\":1e999999}", "{\"n\":-0.0}", "{\"n\":1e-999999}", "[".repeat(0) + "{" + "\"a\":{".repeat(200) + "}".repeat(201),
                    "{\"\":\"\"}", "{\"emoji\":\"\\ud83d\\ude00\"}");
            case NAME -> List.of("\"\\u202e\"", str("\ud83d\ude00".repeat(200)), "\"\\u00a0x\\u00a0\"", "\"\\u200b\"");
            case README -> List.of(str("r".repeat(100_000)), str("\ud83d\ude00".repeat(100_000)), "null", "\"\"");
            case TEXT -> List.of(str("t".repeat(5_000)), str("\ud83d\ude00".repeat(5_000)), "null", "\"\"");
            case DATE -> List.of("\"0001-01-01\"", "\"9999-12-31\"", "\"2024-02-29\"");
            default -> List.of();
        };
    }

    private String bigObject() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < 2000; i++) {
            b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return b.append("}").toString();
    }

    /** The base body with one field set to {@code json} (the field's JSON text). */
    private static String withField(String base, String field, String json) {
        String inner = base.substring(1, base.length() - 1).trim();
        // drop the field when the base already holds it
        String cleaned = inner.replaceAll("\"" + field + "\":\"[^\"]*\",?", "").replaceAll(",$", "");
        return "{" + cleaned + (cleaned.isEmpty() ? "" : ",") + "\"" + field + "\":" + json + "}";
    }

    /** Whole bodies that are not a JSON object, not JSON, or not UTF-8: 400 Malformed JSON body. */
    record Body(byte[] bytes, Expect expect) {
    }

    private List<Body> malformedBodies(String base) {
        List<Body> out = new ArrayList<>();
        List<byte[]> l = new ArrayList<>();
        for (String s : List.of("[]", "[1,2]", "\"text\"", "42", "null", "true", "{} {}", "{", "}", "{\"name\":", "{\"a\" 1}", "{'a':1}",
                "{a:1}", "{\"a\":1,}", "{/*c*/}", "{\"a\":NaN}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":\"\\x\"}", "{\"a\":\"\n\"}", "[{}]",
                "{}}", "\u0000", " ", "\r\n", "{\"a\":[1,2}", "{\"a\":\"unterminated}", "{\"a\":tru}", "{\"a\":+1}", "{\"a\":1e}",
                "{\"a\":\"\\ud800\\u\"}", "{\"a\":1}{\"b\":2}")) {
            l.add(s.getBytes(StandardCharsets.UTF_8));
        }
        l.add(new byte[0]);
        // truncations of the valid base body
        byte[] b = base.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3 && b.length > 2; i++) {
            int cut = 1 + rnd.nextInt(b.length - 1);
            l.add(java.util.Arrays.copyOf(b, cut));
        }
        // invalid UTF-8 (and a UTF-16 body): refused, by the parser or by the field rules
        List<byte[]> encoding = new ArrayList<>();
        encoding.add(bytes("{\"name\":\"", new byte[]{(byte) 0xC3, 0x28}, "\"}"));
        encoding.add(bytes("{\"name\":\"", new byte[]{(byte) 0xFF, (byte) 0xFE}, "\"}"));
        encoding.add(bytes("{\"name\":\"", new byte[]{(byte) 0x80}, "\"}"));
        encoding.add(bytes("{\"name\":\"", new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"));
        encoding.add(bytes("{\"name\":\"", new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, "\"}"));
        encoding.add(bytes("{\"", new byte[]{(byte) 0xC0, (byte) 0xAF}, "\":1}"));
        encoding.add(bytes("", new byte[]{(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'}, ""));
        // deep nesting: 10,000 arrays, 10,000 objects, and a body deep inside a field
        l.add(("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.US_ASCII));
        l.add(("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.US_ASCII));
        l.add(("{\"metadata\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}").getBytes(StandardCharsets.US_ASCII));
        l.add(("{\"metadata\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000) + "}").getBytes(StandardCharsets.US_ASCII));
        l.add(("[".repeat(10_000)).getBytes(StandardCharsets.US_ASCII));
        // a huge number and a huge key
        l.add(("{\"n\":" + "7".repeat(200_000) + "}").getBytes(StandardCharsets.US_ASCII));
        l.add(("{\"" + "k".repeat(300_000) + "\":1}").getBytes(StandardCharsets.US_ASCII));
        for (byte[] b2 : l) {
            out.add(new Body(b2, Expect.malformed()));
        }
        for (byte[] b2 : encoding) {
            out.add(new Body(b2, Expect.body()));
        }
        return out;
    }

    private static byte[] bytes(String a, byte[] mid, String b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(a.getBytes(StandardCharsets.UTF_8));
        o.writeBytes(mid);
        o.writeBytes(b.getBytes(StandardCharsets.UTF_8));
        return o.toByteArray();
    }

    // ------------------------------------------------------------------------------- case builders

    private Map<String, byte[]> headers(String key, String contentType) {
        Map<String, byte[]> h = new LinkedHashMap<>();
        if (key != null) {
            h.put("Authorization", ("Bearer " + key).getBytes(StandardCharsets.US_ASCII));
        }
        if (contentType != null) {
            h.put("Content-Type", contentType.getBytes(StandardCharsets.ISO_8859_1));
        }
        return h;
    }

    private void add(String group, String method, String target, Map<String, byte[]> headers, byte[] body, Expect expect) {
        add(new Case(group, method, target, headers, body, false, false, expect));
    }

    private void add(Case c) {
        cases.add(codecRefuses(c) ? new Case(c.group(), c.method(), c.target(), c.headers(), c.body(), c.chunked(), c.headersOnly(),
                Expect.codec()) : c);
    }

    private static final java.util.regex.Pattern BROKEN_ESCAPE = java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");

    static boolean codecRefuses(Case c) {
        if (BROKEN_ESCAPE.matcher(c.target()).find()) {
            return true;
        }
        for (byte[] v : c.headers().values()) {
            for (byte b : v) {
                if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7f) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    // -------------------------------------------------------------------------------- generation

    List<Case> generate(int minimum) {
        sanity();
        pathIds();
        listQueries();
        statsQueries();
        analyticsQueries();
        itemDeleteQueries();
        bodies();
        mediaTypes();
        oversize();
        idempotencyKeys();
        authorization();
        methods();
        unknownPaths();
        requestLines();
        requestIds();
        while (cases.size() < minimum) {
            combination();
        }
        return cases;
    }

    /** Valid requests on every safe route: the fixture is right, so each malformation below is what fails. */
    private void sanity() {
        for (Route r : routes) {
            if (r.method().equals("GET")) {
                add("sanity", "GET", validPath(r), headers(keyFor(r), null), null, Expect.status(200));
            }
        }
    }

    private void pathIds() {
        for (Route r : routes) {
            if (r.pathParam() == null) {
                continue;
            }
            for (Bad b : badUuids()) {
                byte[] body = r.hasBody() ? utf8("{") : null;   // the path is checked before the body
                add("path-id", r.method(), path(r, b.wire()), headers(keyFor(r), r.hasBody() ? "application/json" : null), body,
                        pathExpect(b, r.pathParam()));
            }
        }
    }

    private void listQueries() {
        for (Route r : routes) {
            if (r.query() != Query.LIST || !r.method().equals("GET")) {
                continue;
            }
            String base = validPath(r);
            Map<String, byte[]> h = headers(keyFor(r), null);
            for (String v : BAD_LIMITS) {
                add("limit", "GET", base + "?limit=" + pct(v), h, null, Expect.param("invalid_query", "limit"));
            }
            for (String v : List.of("99999999999999999999", "101", "100", "1", "007", "")) {
                add("limit-ok", "GET", base + "?limit=" + pct(v), h, null, Expect.status(200));
            }
            add("limit", "GET", base + "?limit=0&limit=5", h, null, Expect.param("invalid_query", "limit"));
            add("limit", "GET", base + "?limit=5&limit=0", h, null, Expect.status(200));
            for (Bad b : badCursors()) {
                add("cursor", "GET", base + "?cursor=" + b.wire(), h, null, Expect.param("invalid_query", "cursor"));
            }
            for (Bad b : extremeCursors()) {
                add("cursor-extreme", "GET", base + "?cursor=" + b.wire(), h, null, new Expect(Set.of(200, 400), null, null, null));
            }
            for (String filter : r.filters()) {
                switch (filter) {
                    case "project_id", "creator_id", "entity_id" -> {
                        for (Bad b : badUuids()) {
                            Expect e = b.wire().contains(";") ? Expect.any()   // ';' separates query parameters
                                    : b.decoded() != null && b.decoded().isEmpty() ? Expect.status(200)
                                    : b.decoded() == null ? Expect.clientError() : Expect.param("invalid_params", filter);
                            add("filter-id", "GET", base + "?" + filter + "=" + b.wire(), h, null, e);
                        }
                    }
                    case "search" -> {
                        add("search", "GET", base + "?search=" + pct("s".repeat(101)), h, null, Expect.param("invalid_query", "search"));
                        add("search", "GET", base + "?search=" + pct("é".repeat(101)), h, null, Expect.param("invalid_query", "search"));
                        for (String v : List.of("%", "_", "\\", "'", "\"", "é".repeat(100), "😀", "%_\\%", "a\u0000b", "\u0000", "\ud83d")) {
                            add("search-odd", "GET", base + "?search=" + pct(v), h, null, new Expect(Set.of(200, 400), null, null, null));
                        }
                        for (String w : List.of("%ZZ", "%", "%E2%82", "%FF", "%C0%AF")) {
                            add("search-odd", "GET", base + "?search=" + w, h, null, new Expect(Set.of(200, 400), null, null, null));
                        }
                    }
                    case "tracking_status" -> {
                        for (String v : BAD_STATUSES) {
                            add("filter-status", "GET", base + "?tracking_status=" + pct(v), h, null, Expect.param("invalid_query", "tracking_status"));
                        }
                    }
                    case "entity_type" -> {
                        for (String v : BAD_ENTITY_TYPES) {
                            add("filter-entity-type", "GET", base + "?entity_type=" + pct(v), h, null, Expect.param("invalid_query", "entity_type"));
                        }
                    }
                    case "from", "to" -> {
                        for (String v : BAD_DATES) {
                            add("filter-date", "GET", base + "?" + filter + "=" + pct(v), h, null, Expect.param("invalid_query", filter));
                        }
                        // plain bounds: no default, no clamping to today, no range limit
                        add("filter-date-ok", "GET", base + "?" + filter + "=" + (filter.equals("from") ? "0001-01-01" : "9999-12-31"), h, null,
                                Expect.status(200));
                        if (filter.equals("to")) {
                            add("filter-date", "GET", base + "?from=2026-03-10&to=2026-03-09", h, null, Expect.param("invalid_query", "from"));
                            add("filter-date-ok", "GET", base + "?from=0001-01-01&to=9999-12-31", h, null, Expect.status(200));
                        }
                    }
                    default -> throw new IllegalStateException(filter);
                }
            }
            // order: filters first, then limit, then cursor
            if (!r.filters().isEmpty() && !r.filters().get(0).equals("search")) {
                String first = r.filters().get(0);
                add("list-order", "GET", base + "?cursor=%40&limit=0&" + first + "=nope", h, null,
                        Expect.param(first.endsWith("_id") ? "invalid_params" : "invalid_query", first));
            }
            add("list-order", "GET", base + "?cursor=%40&limit=x", h, null, Expect.param("invalid_query", "limit"));
        }
    }

    private static final List<String> STATS_ORDER = List.of("from", "to", "tz", "metric", "granularity", "cohort");

    private List<String> badFor(String param) {
        return switch (param) {
            case "from", "to" -> BAD_DATES;
            case "tz" -> BAD_ZONES;
            case "metric" -> BAD_METRICS;
            case "granularity" -> BAD_GRANULARITIES;
            case "cohort" -> BAD_COHORTS;
            default -> throw new IllegalArgumentException(param);
        };
    }

    private void statsQueries() {
        for (Route r : routes) {
            if (r.query() != Query.STATS) {
                continue;
            }
            String base = validPath(r);
            Map<String, byte[]> h = headers(keyFor(r), null);
            for (String p : STATS_ORDER) {
                for (String v : badFor(p)) {
                    add("stats-" + p, "GET", base + "?" + p + "=" + pct(v), h, null, Expect.param("invalid_query", p));
                }
            }
            // range rules (param from), in the resolved zone
            add("stats-range", "GET", base + "?from=2026-03-10&to=2026-03-01", h, null, Expect.param("invalid_query", "from"));
            add("stats-range", "GET", base + "?from=2024-01-01&to=2025-01-02", h, null, Expect.param("invalid_query", "from"));
            add("stats-range", "GET", base + "?from=0001-01-01&to=9999-12-31", h, null, Expect.param("invalid_query", "from"));
            add("stats-range-ok", "GET", base + "?from=0001-01-01&to=0001-12-31&tz=Pacific/Kiritimati", h, null, Expect.status(200));
            add("stats-range-ok", "GET", base + "?from=9999-12-31", h, null, Expect.any());
            add("stats-range-ok", "GET", base + "?to=0001-01-05&tz=Etc/GMT-14", h, null, Expect.status(200));
            // metric for the entity, base_metric
            add("stats-metric", "GET", base + "?metric=growth_rate_pop", h, null, Expect.param("invalid_query", "base_metric"));
            for (String v : List.of("x", "VIEWS", "followers_x", "", "\u0000")) {
                Expect e = v.isEmpty() ? Expect.param("invalid_query", "base_metric") : Expect.param("invalid_query", "base_metric");
                add("stats-metric", "GET", base + "?metric=growth_rate_pop&base_metric=" + pct(v), h, null, e);
            }
            if (r.statsEntity().equals("video")) {
                for (String m : List.of("posts_per_week", "avg_views_per_post", "engagement_rate_by_followers")) {
                    add("stats-metric", "GET", base + "?metric=" + m, h, null, Expect.param("invalid_query", "metric"));
                }
                add("stats-metric", "GET", base + "?metric=growth_rate_pop&base_metric=followers", h, null, Expect.param("invalid_query", "base_metric"));
            }
            add("stats-ok", "GET", base + "?base_metric=nonsense", h, null, Expect.status(200));
            // order: each pair of bad parameters answers the first in table order
            for (int i = 0; i < STATS_ORDER.size(); i++) {
                for (int j = i + 1; j < STATS_ORDER.size(); j++) {
                    String a = STATS_ORDER.get(i);
                    String b = STATS_ORDER.get(j);
                    String va = badFor(a).get(rnd.nextInt(badFor(a).size()));
                    String vb = badFor(b).get(rnd.nextInt(badFor(b).size()));
                    add("stats-order", "GET", base + "?" + b + "=" + pct(vb) + "&" + a + "=" + pct(va), h, null, Expect.param("invalid_query", a));
                }
            }
            // format errors come before the range check
            add("stats-order", "GET", base + "?from=2026-03-10&to=2026-03-01&cohort=maybe", h, null, Expect.param("invalid_query", "cohort"));
            // path before query
            add("stats-order", "GET", path(r, "nope") + "?from=x", h, null, Expect.param("invalid_params", "id"));
        }
    }

    /** The parameters of GET /api/v1/analytics in the contract's table order (docs/reference/analytics.md §1). */
    private static final List<String> ANALYTICS_ORDER = List.of("entity", "entity_id", "metric", "mode", "granularity", "from", "to", "tz",
            "base_metric", "compare", "breakdown", "format");

    /** A valid analytics query: a creator's views. */
    private Map<String, String> analyticsBase() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("entity", "creator");
        q.put("entity_id", ids.creator().toString());
        q.put("metric", "views");
        return q;
    }

    private static String query(Map<String, String> q) {
        List<String> parts = new ArrayList<>();
        q.forEach((k, v) -> parts.add(k + "=" + pct(v)));
        return String.join("&", parts);
    }

    /** Bad values of an analytics parameter, each failing its format check ({@code entity_id}: see analyticsQueries). */
    private List<String> badAnalytics(String param) {
        return switch (param) {
            case "entity" -> List.of("", "Creator", "channel", "videos", "\u0000", "creator ");
            case "metric" -> List.of("", "VIEWS", "reach", "views_gained", "\u0000");
            case "mode" -> List.of("NEW", "total", "rates", "\u0000");
            case "granularity" -> List.of("hour", "Day", "weekly", "\u0000");
            case "from", "to", "tz" -> badFor(param);
            case "base_metric" -> List.of("x", "VIEWS", "followers_x", "\u0000");
            case "compare" -> List.of("x", "prior", "PRIOR_PERIOD", "\u0000");
            case "breakdown" -> List.of("videos", "creator", "\u0000");
            case "format" -> List.of("xml", "CSV", "json ", "\u0000");
            default -> throw new IllegalArgumentException(param);
        };
    }

    private void analyticsQueries() {
        Route r = routes.stream().filter(x -> x.query() == Query.ANALYTICS).findFirst().orElseThrow();
        Map<String, byte[]> h = headers(keyFor(r), null);
        for (String p : ANALYTICS_ORDER) {
            if (p.equals("entity_id")) {
                continue;
            }
            for (String v : badAnalytics(p)) {
                Map<String, String> q = analyticsBase();
                q.put(p, v);
                add("analytics-" + p, "GET", r.template() + "?" + query(q), h, null, Expect.param("invalid_query", p));
            }
        }
        String other = java.util.UUID.randomUUID().toString();
        for (String[] e : new String[][]{{"nope", "invalid_params"}, {ids.creator() + ",x", "invalid_params"}, {"", "invalid_query"},
                {ids.creator() + "," + ids.creator(), "invalid_query"}, {String.join(",", java.util.Collections.nCopies(6, other)), "invalid_query"}}) {
            Map<String, String> q = analyticsBase();
            q.put("entity_id", e[0]);
            add("analytics-entity_id", "GET", r.template() + "?" + query(q), h, null, Expect.param(e[1], "entity_id"));
        }
        // rules after the formats: range, metric for the entity, mode for the metric, base_metric, breakdown
        add("analytics-range", "GET", r.template() + "?" + query(analyticsBase()) + "&from=2026-03-10&to=2026-03-01", h, null, Expect.param("invalid_query", "from"));
        add("analytics-range", "GET", r.template() + "?" + query(analyticsBase()) + "&from=2024-01-01&to=2025-01-02", h, null, Expect.param("invalid_query", "from"));
        add("analytics-range-ok", "GET", r.template() + "?" + query(analyticsBase()) + "&from=2024-01-01&to=2025-01-02&granularity=month", h, null, Expect.any());
        add("analytics-mode", "GET", r.template() + "?" + query(analyticsBase()) + "&mode=rate", h, null, Expect.param("invalid_query", "mode"));
        add("analytics-base", "GET", r.template() + "?entity=creator&entity_id=" + ids.creator() + "&metric=growth_rate_pop", h, null,
                Expect.param("invalid_query", "base_metric"));
        add("analytics-metric", "GET", r.template() + "?entity=video&entity_id=" + ids.video() + "&metric=posts", h, null, Expect.param("invalid_query", "metric"));
        add("analytics-breakdown", "GET", r.template() + "?" + query(analyticsBase()) + "&breakdown=video", h, null, Expect.param("invalid_query", "breakdown"));
        add("analytics-ok", "GET", r.template() + "?" + query(analyticsBase()) + "&format=json&compare=prior_period&granularity=week", h, null, Expect.status(200));
        // order: each pair of bad parameters answers the first in table order
        for (int i = 0; i < ANALYTICS_ORDER.size(); i++) {
            for (int j = i + 1; j < ANALYTICS_ORDER.size(); j++) {
                String a = ANALYTICS_ORDER.get(i);
                String b = ANALYTICS_ORDER.get(j);
                if (a.equals("entity_id") || b.equals("entity_id")) {
                    continue;
                }
                List<String> ba = badAnalytics(a).stream().filter(v -> !v.isEmpty()).toList();
                List<String> bb = badAnalytics(b).stream().filter(v -> !v.isEmpty()).toList();
                Map<String, String> q = analyticsBase();
                q.put(b, bb.get(rnd.nextInt(bb.size())));
                q.put(a, ba.get(rnd.nextInt(ba.size())));
                add("analytics-order", "GET", r.template() + "?" + query(q), h, null, Expect.param("invalid_query", a));
            }
        }
    }

    private void itemDeleteQueries() {
        Route r = routes.stream().filter(x -> x.query() == Query.ITEM_DELETE).findFirst().orElseThrow();
        String base = validPath(r);
        Map<String, byte[]> h = headers(ids.key(), null);
        add("item-delete", "DELETE", base, h, null, Expect.param("invalid_query", "item_type"));
        add("item-delete", "DELETE", base + "?item_id=" + ids.creator(), h, null, Expect.param("invalid_query", "item_type"));
        for (String v : List.of("", "Creator", "creators", "x", "\u0000", "video ")) {
            add("item-delete", "DELETE", base + "?item_type=" + pct(v) + "&item_id=" + ids.creator(), h, null,
                    Expect.param("invalid_query", "item_type"));
        }
        add("item-delete", "DELETE", base + "?item_type=creator", h, null, Expect.param("invalid_query", "item_id"));
        add("item-delete", "DELETE", base + "?item_type=creator&item_id=", h, null, Expect.param("invalid_query", "item_id"));
        for (Bad b : badUuids()) {
            if (b.decoded() == null || b.decoded().isEmpty()) {
                continue;
            }
            add("item-delete", "DELETE", base + "?item_type=video&item_id=" + b.wire(), h, null, Expect.param("invalid_params", "item_id"));
        }
    }

    private void bodies() {
        for (Route r : routes) {
            if (!r.hasBody()) {
                continue;
            }
            String target = validPath(r);
            Map<String, byte[]> h = headers(keyFor(r), "application/json");
            for (Field f : r.fields()) {
                for (String v : badValues(f)) {
                    add("field-" + f.kind().name().toLowerCase(), r.method(), target, h, utf8(withField(r.baseBody(), f.name(), v)), Expect.field(f.name()));
                }
                for (String v : refusedValues(f)) {
                    add("field-refused", r.method(), target, h, utf8(withField(r.baseBody(), f.name(), v)), Expect.clientError());
                }
                if (r.method().equals("PATCH") && !r.admin() && !r.template().equals("/api/v1/organization")) {
                    for (String v : edgeValues(f)) {
                        add("field-edge", r.method(), target, h, utf8(withField(r.baseBody(), f.name(), v)), Expect.any());
                    }
                }
                // duplicated keys: the last (bad) one must not slip through
                add("duplicate-key", r.method(), target, h,
                        utf8("{" + "\"" + f.name() + "\":" + goodValue(f) + ",\"" + f.name() + "\":" + badValues(f).get(0) + "}"), Expect.body());
                add("duplicate-key", r.method(), target, h,
                        utf8("{" + "\"" + f.name() + "\":" + badValues(f).get(0) + ",\"" + f.name() + "\":" + goodValue(f) + "}"), Expect.body());
            }
            for (Body b : malformedBodies(r.baseBody())) {
                add("malformed-body", r.method(), target, h, b.bytes(), b.expect());
            }
            if (r.method().equals("PATCH")) {
                add("patch-empty", r.method(), target, h, utf8("{}"), Expect.body());
                add("patch-empty", r.method(), target, h, utf8("{\"unknown\":1,\"id\":\"" + UUID.randomUUID() + "\"}"), Expect.body());
            }
            if (r.template().endsWith("/creators") && r.method().equals("POST")) {
                creatorBodies(r, target, h);
            }
        }
    }

    private String goodValue(Field f) {
        return switch (f.kind()) {
            case NAME, NAME_REQ -> "\"Fine\"";
            case README, TEXT -> "\"notes\"";
            case METADATA -> "{}";
            case INT -> "5";
            case TIMESTAMP -> "\"2026-03-15T10:00:00Z\"";
            case HANDLE -> "\"fuzz.handle\"";
            case ENUM, ENUM_OR_NULL -> "\"" + f.allowed().get(0) + "\"";
            case UUID_STR, UUID_OR_NULL -> "\"" + UUID.randomUUID() + "\"";
            case UUID_ARRAY -> "[\"" + UUID.randomUUID() + "\"]";
            case DATE -> "\"2026-01-01\"";
            case BOOL -> "false";
            case SCOPES -> "[\"read\"]";
            case TZ -> "\"UTC\"";
            case URL -> "\"https://www.tiktok.com/@fuzz.handle/video/7300000000000000002\"";
        };
    }

    /** The bulk form of POST …/creators: {@code creators} with items of every wrong shape. */
    private void creatorBodies(Route r, String target, Map<String, byte[]> h) {
        for (String v : List.of("\"x\"", "[]", "{}", "5", "null", "true", java.util.stream.IntStream.range(0, 51)
                .mapToObj(i -> "{\"tiktok_handle\":5}").collect(Collectors.joining(",", "[", "]")))) {
            add("bulk-creators", "POST", target, h, utf8("{\"creators\":" + v + "}"), Expect.field("creators"));
        }
        add("bulk-creators", "POST", target, h, utf8("{\"tiktok_handle\":\"fuzz.handle\",\"creators\":[]}"), Expect.field("creators"));
        add("bulk-creators", "POST", target, h, utf8("{}"), new Expect(Set.of(400), "invalid_body", "field", "tiktok_handle"));
        // items that are refused one by one: 200 with per-item errors, nothing created
        for (String item : List.of("5", "null", "[]", "\"@x\"", "{}", "{\"tiktok_handle\":5}", "{\"tiktok_handle\":null}",
                "{\"tiktok_handle\":\"bad handle!\"}", "{\"tiktok_handle\":\"x\\u0000\"}", "{\"tiktok_handle\":\"ok.name\",\"tracking_mode\":\"X\"}",
                "{\"tiktok_handle\":\"ok.name\",\"tracking_start_date\":\"2026-02-30\"}", "{\"tiktok_handle\":\"ok.name\",\"metadata\":[]}",
                "{\"tiktok_handle\":\"ok.name\",\"readme\":5}", "{\"tiktok_handle\":[\"a\"]}")) {
            add("bulk-creators-item", "POST", target, h, utf8("{\"creators\":[" + item + "," + item + "]}"), new Expect(Set.of(200, 400), null, null, null));
        }
    }

    private static final List<String> BAD_MEDIA_TYPES = List.of("text/plain", "application/xml", "application/jsonx", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "json", "application/*", "*/*", "application/problem+json", "text/json", "application/json-patch+json",
            "application/ json", "image/png", "application/octet-stream", "text/html; charset=utf-8", "application", "/", "application/json/x",
            "x" .repeat(300));

    private void mediaTypes() {
        for (Route r : routes) {
            if (!r.hasBody()) {
                continue;
            }
            String target = validPath(r);
            for (String ct : BAD_MEDIA_TYPES) {
                add("media-type", r.method(), target, headers(keyFor(r), ct), utf8(r.baseBody()), Expect.code(415, "unsupported_media_type"));
            }
            // parameters are ignored, and the JSON check follows
            for (String ct : List.of("application/json; charset=latin1", "APPLICATION/JSON", "application/json;;", "application/json; x=\"y\"")) {
                add("media-type-json", r.method(), target, headers(keyFor(r), ct), utf8("[]"), Expect.malformed());
            }
            // the media type is checked before the JSON
            add("media-type", r.method(), target, headers(keyFor(r), "text/plain"), utf8("{"), Expect.code(415, "unsupported_media_type"));
        }
    }

    private void oversize() {
        byte[] big = new byte[MIB + 1];
        java.util.Arrays.fill(big, (byte) 'x');
        byte[] bigJson = ("{\"readme\":\"" + "r".repeat(MIB + 100) + "\"}").getBytes(StandardCharsets.US_ASCII);
        for (Route r : routes) {
            String target = validPath(r);
            Map<String, byte[]> h = headers(keyFor(r), "application/json");
            Expect e = Expect.code(413, "payload_too_large");
            // Content-Length over the limit: answered from the header alone
            add(new Case("oversize-length", r.method(), target, h, big, false, true, e));
            if (r.hasBody()) {
                add(new Case("oversize-chunked", r.method(), target, h, bigJson, true, false, e));
                // exactly at the limit is not too large: the JSON check answers
                byte[] atLimit = new byte[MIB];
                java.util.Arrays.fill(atLimit, (byte) ' ');
                atLimit[0] = '[';
                atLimit[MIB - 1] = ']';
                add("oversize-limit", r.method(), target, h, atLimit, Expect.malformed());
            }
        }
        // even without a valid key
        add(new Case("oversize-nokey", "POST", "/api/v1/projects", headers(null, "application/json"), big, false, true,
                Expect.code(413, "payload_too_large")));
    }

    private static final List<byte[]> BAD_IDEMPOTENCY_KEYS = List.of(
            "k".repeat(256).getBytes(StandardCharsets.US_ASCII), "k".repeat(1000).getBytes(StandardCharsets.US_ASCII),
            "clé".getBytes(StandardCharsets.UTF_8), "clé".getBytes(StandardCharsets.ISO_8859_1), "日本".getBytes(StandardCharsets.UTF_8),
            new byte[]{'a', 0x01, 'b'}, new byte[]{'a', 0x7f}, new byte[]{'a', '\t', 'b'}, new byte[]{0x00},
            new byte[]{'a', 0x1b, '[', '0', 'm'}, new byte[]{(byte) 0xFF}, "k\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    /** Empty (after the codec trims whitespace): absent, like an empty query parameter. */
    private static final List<byte[]> EMPTY_IDEMPOTENCY_KEYS = List.of(new byte[0], new byte[]{' ', ' '});

    private void idempotencyKeys() {
        for (Route r : routes) {
            if (!r.hasBody() || !r.method().equals("POST")) {
                continue;
            }
            String target = validPath(r);
            for (byte[] k : BAD_IDEMPOTENCY_KEYS) {
                Map<String, byte[]> h = headers(keyFor(r), "text/plain");
                h.put("Idempotency-Key", k);
                // creating POSTs validate the key before the body (415 here); the others ignore it
                Expect e = r.creating() ? Expect.param("invalid_params", "Idempotency-Key") : Expect.code(415, "unsupported_media_type");
                add("idempotency-key", "POST", target, h, utf8("{"), e);
            }
            for (byte[] k : EMPTY_IDEMPOTENCY_KEYS) {
                Map<String, byte[]> h = headers(keyFor(r), "text/plain");
                h.put("Idempotency-Key", k);
                add("idempotency-key-empty", "POST", target, h, utf8("{"), Expect.code(415, "unsupported_media_type"));
            }
            if (r.creating() && r.pathParam() != null) {
                Map<String, byte[]> h = headers(keyFor(r), "application/json");
                h.put("Idempotency-Key", "k".repeat(300).getBytes(StandardCharsets.US_ASCII));
                add("idempotency-order", "POST", path(r, "nope"), h, utf8("{"), Expect.param("invalid_params", r.pathParam()));
            }
        }
    }

    private List<byte[]> badAuthorizations() {
        String key = ids.key();
        String hex = key.substring(4);
        List<byte[]> l = new ArrayList<>();
        for (String s : List.of("Basic dXNlcjpwYXNz", "Bearer", "Bearer ", key, "Token " + key, "Bearer " + key + " extra",
                "Bearer tga_" + hex.substring(1), "Bearer tga_" + hex + "0", "Bearer tga_" + hex.toUpperCase(), "Bearer TGA_" + hex,
                "Bearer tga-" + hex, "Bearer " + hex, "Bearer tga_" + "g".repeat(64), "Bearer tga_" + "0".repeat(64), "Bearer\t" + key,
                "Bearer:" + key, "Bearer " + key + "," + key, "Bearer \"" + key + "\"", "Bearer " + key.substring(0, 40),
                "Bearer " + "tga_" + hex.substring(0, 63) + "G", "Bearer " + "x".repeat(5000), "Bearer tga_" + hex.substring(0, 63) + "ü")) {
            l.add(s.getBytes(StandardCharsets.UTF_8));
        }
        l.add(bytes("Bearer tga_" + hex.substring(0, 30), new byte[]{0x00}, hex.substring(31)));
        l.add(bytes("Bearer ", new byte[]{(byte) 0xE2, (byte) 0x80, (byte) 0x8B}, key));
        l.add(null);   // missing
        return l;
    }

    private void authorization() {
        List<byte[]> bad = badAuthorizations();
        for (Route r : routes) {
            String target = validPath(r);
            for (int i = 0; i < bad.size(); i++) {
                // every route gets a few of them (a rotating window), so all values meet all route shapes
                if ((i + routes.indexOf(r)) % 3 != 0 && i != bad.size() - 1) {
                    continue;
                }
                Map<String, byte[]> h = new LinkedHashMap<>();
                if (bad.get(i) != null) {
                    h.put("Authorization", bad.get(i));
                }
                if (r.hasBody()) {
                    h.put("Content-Type", utf8("application/json"));
                }
                add("authorization", r.method(), target, h, r.hasBody() ? utf8(r.baseBody()) : null, Expect.code(401, "invalid_api_key"));
            }
            if (r.admin()) {
                // an organization key on the admin routes: 403, whatever else is wrong
                add("admin-scope", r.method(), r.pathParam() == null ? target : path(r, "nope"), headers(ids.key(), r.hasBody() ? "text/plain" : null),
                        r.hasBody() ? utf8("{") : null, Expect.code(403, "insufficient_scope"));
            }
        }
        // 401 comes before routing
        add("authorization", "GET", "/api/v1/nope", new LinkedHashMap<>(), null, Expect.code(401, "invalid_api_key"));
        add("authorization", "BREW", "/api/v1/projects", new LinkedHashMap<>(), null, Expect.code(401, "invalid_api_key"));
    }

    private static final List<String> ODD_METHODS = List.of("PUT", "OPTIONS", "TRACE", "PROPFIND", "FOO", "get", "Post", "MKCOL", "LOCK",
            "PURGE", "SEARCH", "QUERY", "REPORT", "X".repeat(100));

    private void methods() {
        Map<String, Set<String>> byPath = new LinkedHashMap<>();
        for (Route r : routes) {
            byPath.computeIfAbsent(r.template(), k -> new java.util.HashSet<>()).add(r.method());
        }
        for (Route r : routes) {
            String target = validPath(r);
            Set<String> supported = byPath.get(r.template());
            if (!byPath.containsKey(r.template() + "#done")) {
                byPath.put(r.template() + "#done", Set.of());
                for (String m : ODD_METHODS) {
                    add("method", m, target, headers(keyFor(r), "application/json"), utf8("{}"), Expect.code(405, "method_not_allowed"));
                }
                for (String m : List.of("GET", "POST", "PATCH", "DELETE")) {
                    if (!supported.contains(m)) {
                        add("method", m, target, headers(keyFor(r), "application/json"), utf8("{}"), Expect.code(405, "method_not_allowed"));
                    }
                }
                // HEAD has no body to check: only status, headers
                add("method-head", "HEAD", target, headers(keyFor(r), null), null,
                        supported.contains("GET") ? Expect.status(200) : Expect.code(405, "method_not_allowed"));
            }
        }
    }

    private void unknownPaths() {
        Map<String, byte[]> h = headers(ids.key(), null);
        List<String> paths = new ArrayList<>(List.of("/api/v1/nope", "/api/v1/PROJECTS", "/api/v1/projects/" + ids.project() + "/nope",
                "/api/v1/creators/" + ids.creator() + "/stats/x", "/api/v1/analytics/nope", "/api/v1/admin", "/api/v1/admin/nope",
                "/api/v1/videos/" + ids.video() + "/scrape/now", "/api/v1/campaigns/" + ids.campaign() + "/items/x", "/api/v1/%00",
                "/api/v1/" + pct("ü"), "/api/v1/" + pct("😀"), "/api/v1/..%2F..%2Fetc%2Fpasswd", "/api/v1/projects/%2e%2e/nope",
                "/api/v1/organization/x", "/api/v1/schema/x", "/api/v1/api-keys/" + UUID.randomUUID() + "/x", "/api/v1/a%20b",
                "/api/v1/" + "z".repeat(8000), "/api/v1/creators/x/y/z/w", "/api/v1/projects/" + ids.project() + "/creators/bulk",
                "/api/v1/projects/" + ids.project() + "/videos/bulk"));
        for (int i = 0; i < 30; i++) {
            StringBuilder p = new StringBuilder("/api/v1");
            int depth = 1 + rnd.nextInt(4);
            for (int d = 0; d < depth; d++) {
                p.append("/zz").append(pct(randomJunk(1 + rnd.nextInt(12)).replace("/", "")));
            }
            paths.add(p.toString());
        }
        for (String p : paths) {
            for (String m : List.of("GET", "POST", "DELETE")) {
                add("unknown-path", m, p, h, m.equals("POST") ? utf8("{}") : null, Expect.code(404, "not_found"));
            }
        }
    }

    private void requestLines() {
        Map<String, byte[]> h = headers(ids.key(), null);
        for (int len : new int[]{MAX_REQUEST_LINE + 1, MAX_REQUEST_LINE + 2, 20_000, 40_000, 65_000}) {
            add("request-line", "GET", padded("/api/v1/projects?pad=", "GET", len), h, null, Expect.code(414, "uri_too_long"));
            add("request-line", "GET", padded("/api/v1/", "GET", len), h, null, Expect.code(414, "uri_too_long"));
            add("request-line", "POST", padded("/api/v1/projects?x=", "POST", len), headers(null, "application/json"), utf8("{}"),
                    Expect.code(414, "uri_too_long"));
        }
        // exactly at the limit is accepted
        add("request-line-ok", "GET", padded("/api/v1/projects?pad=", "GET", MAX_REQUEST_LINE), h, null, Expect.status(200));
        add("request-line-ok", "GET", padded("/api/v1/projects?pad=", "GET", MAX_REQUEST_LINE - 1), h, null, Expect.status(200));
    }

    /** A target such that {@code METHOD SP target SP HTTP/1.1} is exactly {@code lineLength} bytes. */
    static String padded(String prefix, String method, int lineLength) {
        int n = lineLength - method.length() - 1 - prefix.length() - " HTTP/1.1".length();
        return prefix + "p".repeat(n);
    }

    private void requestIds() {
        for (Route r : routes) {
            if (!r.method().equals("GET")) {
                continue;
            }
            for (byte[] id : List.of("x".repeat(129).getBytes(StandardCharsets.US_ASCII), "a b".getBytes(StandardCharsets.US_ASCII),
                    "é".getBytes(StandardCharsets.UTF_8), new byte[]{'a', 0x01}, new byte[0], "<script>".getBytes(StandardCharsets.US_ASCII),
                    "ok-id_1.2".getBytes(StandardCharsets.US_ASCII))) {
                Map<String, byte[]> h = headers(keyFor(r), null);
                h.put("X-Request-Id", id);
                add("request-id", "GET", validPath(r), h, null, Expect.status(200));
            }
        }
    }

    /**
     * Several malformations at once on one route; the expected answer follows the check order
     * (auth, scope, path, query, Idempotency-Key, media type, body).
     */
    private void combination() {
        Route r = routes.get(rnd.nextInt(routes.size()));
        boolean badAuth = rnd.nextInt(8) == 0;
        boolean badPath = r.pathParam() != null && rnd.nextBoolean();
        boolean badQuery = (r.query() == Query.LIST || r.query() == Query.STATS) && rnd.nextBoolean();
        boolean badIdem = r.creating() && rnd.nextBoolean();
        boolean badMedia = r.hasBody() && rnd.nextInt(3) == 0;
        boolean badBody = r.hasBody() && rnd.nextBoolean();
        Expect expect = null;

        Map<String, byte[]> h = new LinkedHashMap<>();
        if (badAuth) {
            List<byte[]> bad = badAuthorizations();
            byte[] a = bad.get(rnd.nextInt(bad.size()));
            if (a != null) {
                h.put("Authorization", a);
            }
            expect = Expect.code(401, "invalid_api_key");
        } else {
            h.put("Authorization", utf8("Bearer " + keyFor(r)));
        }

        String idWire = r.pathParam() == null ? null : validId(r.pathKind());
        if (badPath) {
            List<Bad> bads = badUuids().stream().filter(b -> pathExpect(b, r.pathParam()).code() != null).toList();
            Bad b = bads.get(rnd.nextInt(bads.size()));
            idWire = b.wire();
            if (expect == null) {
                expect = Expect.param("invalid_params", r.pathParam());
            }
        }
        String target = r.pathParam() == null ? validPath(r) : path(r, idWire);

        StringBuilder q = new StringBuilder();
        if (r.query() == Query.LIST) {
            List<String> params = new ArrayList<>();
            for (String filter : r.filters()) {
                if (!filter.equals("search")) {
                    params.add(filter);
                }
            }
            params.add("limit");
            params.add("cursor");
            String first = null;
            List<String> sent = new ArrayList<>();
            for (String p : params) {
                if (badQuery && rnd.nextBoolean() || (badQuery && first == null && p.equals("cursor"))) {
                    String v = switch (p) {
                        case "limit" -> pct(BAD_LIMITS.get(rnd.nextInt(BAD_LIMITS.size())));
                        case "cursor" -> "%40" + rnd.nextInt(1000);
                        case "tracking_status" -> pct(BAD_STATUSES.get(rnd.nextInt(BAD_STATUSES.size())));
                        default -> "bad" + rnd.nextInt(1000);
                    };
                    sent.add(p + "=" + v);
                    if (first == null) {
                        first = p;
                    }
                }
            }
            java.util.Collections.shuffle(sent, rnd);
            q.append(String.join("&", sent));
            if (first != null && expect == null) {
                String code = first.endsWith("_id") ? "invalid_params" : "invalid_query";
                expect = Expect.param(code, first);
            }
        } else if (r.query() == Query.STATS && badQuery) {
            String first = null;
            List<String> sent = new ArrayList<>();
            for (String p : STATS_ORDER) {
                if (rnd.nextBoolean() || (first == null && p.equals("cohort"))) {
                    List<String> vals = badFor(p);
                    sent.add(p + "=" + pct(vals.get(rnd.nextInt(vals.size()))));
                    if (first == null) {
                        first = p;
                    }
                }
            }
            java.util.Collections.shuffle(sent, rnd);
            q.append(String.join("&", sent));
            if (expect == null) {
                expect = Expect.param("invalid_query", first);
            }
        }
        if (q.length() > 0) {
            target = target + "?" + q;
        }

        if (badIdem) {
            h.put("Idempotency-Key", BAD_IDEMPOTENCY_KEYS.get(rnd.nextInt(BAD_IDEMPOTENCY_KEYS.size())));
            if (expect == null) {
                expect = Expect.param("invalid_params", "Idempotency-Key");
            }
        }
        byte[] body = null;
        if (r.hasBody()) {
            h.put("Content-Type", utf8(badMedia ? BAD_MEDIA_TYPES.get(rnd.nextInt(BAD_MEDIA_TYPES.size())) : "application/json"));
            if (badMedia && expect == null) {
                expect = Expect.code(415, "unsupported_media_type");
            }
            if (badBody || !badMedia && expect == null) {
                // a body that fails: malformed, or one bad field
                if (rnd.nextBoolean()) {
                    List<Body> m = malformedBodies(r.baseBody());
                    Body picked = m.get(rnd.nextInt(m.size()));
                    body = picked.bytes();
                    if (expect == null) {
                        expect = picked.expect();
                    }
                } else {
                    Field f = r.fields().get(rnd.nextInt(r.fields().size()));
                    List<String> vals = badValues(f);
                    body = utf8(withField(r.baseBody(), f.name(), vals.get(rnd.nextInt(vals.size()))));
                    if (expect == null) {
                        expect = Expect.field(f.name());
                    }
                }
            } else {
                body = utf8(r.baseBody());
            }
        }
        if (expect == null) {
            // nothing malformed was picked on a route without body: make the id bad, or the method
            if (r.pathParam() != null) {
                add("combo", r.method(), path(r, pct(randomJunk(5 + rnd.nextInt(30)).replace("/", "").replace(";", "").replace(".", ""))) ,
                        h, null, Expect.clientError());
            } else {
                add("combo", "PUT", target, h, null, Expect.code(405, "method_not_allowed"));
            }
            return;
        }
        add("combo", r.method(), target, h, body, expect);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
