-- Views of a factwire DuckDB database (factwire extract --format duckdb), created after the tables are filled.

-- The name an organization key goes by: the canonical name most articles give it.
CREATE VIEW org_names AS
SELECT org_key, mode(name) AS name
FROM organizations
GROUP BY org_key;

-- Which organizations an amount belongs to. Through events where there are any: the amount and the
-- organization fill roles of the same event (link 'event'). An amount that no event ties to an organization
-- belongs to every organization of its article (link 'article'): coarse, but it needs nothing the records lack.
CREATE VIEW money_org AS
WITH event_links AS (
    SELECT DISTINCT m.article_id, m.ref_index AS money_index, o.filler_key AS org_key
    FROM event_roles m
    JOIN event_roles o ON o.article_id = m.article_id AND o.event_index = m.event_index
    WHERE m.ref_list = 'money' AND o.ref_list = 'organizations'
)
SELECT article_id, money_index, org_key, 'event' AS link
FROM event_links
UNION ALL
SELECT DISTINCT m.article_id, m.money_index, o.org_key, 'article' AS link
FROM money m
JOIN organizations o ON o.article_id = m.article_id
WHERE NOT EXISTS (SELECT 1 FROM event_links e WHERE e.article_id = m.article_id AND e.money_index = m.money_index);

-- Money by organization and currency (and link). Totals add every stated amount: both ends of a range and
-- both sides of an equivalence count, so `amounts` and `largest_usd` are often the better guide.
CREATE VIEW money_by_org AS
SELECT l.org_key, n.name, m.currency, l.link,
       count(*) AS amounts,
       count(DISTINCT m.article_id) AS articles,
       sum(m.amount) AS total,
       sum(m.amount_usd) AS total_usd,
       sum(m.amount_eur) AS total_eur,
       max(m.amount_usd) AS largest_usd,
       min(a.published) AS first_published,
       max(a.published) AS last_published
FROM money_org l
JOIN money m ON m.article_id = l.article_id AND m.money_index = l.money_index
JOIN articles a ON a.article_id = l.article_id
JOIN org_names n ON n.org_key = l.org_key
GROUP BY l.org_key, n.name, m.currency, l.link;

-- Facts per organization key: where it appears, how often, the money linked to it and the events it is in.
CREATE VIEW org_facts AS
WITH seen AS (
    SELECT o.org_key, count(DISTINCT o.article_id) AS articles, sum(o.mentions)::BIGINT AS mentions,
           min(a.published) AS first_published, max(a.published) AS last_published
    FROM organizations o JOIN articles a ON a.article_id = o.article_id
    GROUP BY o.org_key
), linked_money AS (
    SELECT l.org_key, count(*) AS amounts, count(*) FILTER (WHERE l.link = 'event') AS amounts_in_events,
           sum(m.amount_usd) AS amounts_usd
    FROM money_org l JOIN money m ON m.article_id = l.article_id AND m.money_index = l.money_index
    GROUP BY l.org_key
), in_events AS (
    SELECT filler_key AS org_key, count(DISTINCT (article_id, event_index)) AS events
    FROM event_roles WHERE filler_key IS NOT NULL
    GROUP BY filler_key
)
SELECT s.org_key, n.name, s.articles, s.mentions, s.first_published, s.last_published,
       coalesce(lm.amounts, 0) AS amounts, coalesce(lm.amounts_in_events, 0) AS amounts_in_events,
       lm.amounts_usd, coalesce(e.events, 0) AS events
FROM seen s
JOIN org_names n ON n.org_key = s.org_key
LEFT JOIN linked_money lm ON lm.org_key = s.org_key
LEFT JOIN in_events e ON e.org_key = s.org_key;

-- Events by type and status.
CREATE VIEW events_by_type AS
SELECT type, status, count(*) AS events, count(DISTINCT article_id) AS articles
FROM events
GROUP BY type, status;
