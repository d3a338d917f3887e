// The refund desk's tables, as a payment backend keeps them, and a morning's queue of requests.
//
// Amounts are NUMERIC without a fixed scale: the driver returns them as decimal strings exactly as
// written ('250.00'), and a column fixed at NUMERIC(12, 2) would turn 48500 JPY into '48500.00',
// which has more decimals than the yen has. Ids are BIGSERIAL; optional facts are NULL.

/** CREATE TABLE statements: accounts, top-ups, orders, refund requests and the decisions made on them. */
export const schema = `
CREATE TABLE accounts (
  id                 BIGSERIAL PRIMARY KEY,
  currency           TEXT        NOT NULL,
  balance            NUMERIC     NOT NULL,   -- funds on the balance not yet withdrawn
  debt               NUMERIC,                -- owed to the provider; NULL: nothing
  last_activity_at   TIMESTAMPTZ NOT NULL,
  identity_verified  BOOLEAN,                -- NULL: not checked yet
  ownership_verified BOOLEAN,
  payout_method      TEXT                    -- NULL: the fee schedule's default rule
);

CREATE TABLE top_ups (
  id                   BIGSERIAL PRIMARY KEY,
  account_id           BIGINT      NOT NULL REFERENCES accounts,
  amount               NUMERIC     NOT NULL,
  currency             TEXT        NOT NULL,
  credited_at          TIMESTAMPTZ NOT NULL,
  method               TEXT        NOT NULL,  -- key into the policy's fee schedule
  processing_fee_minor BIGINT,                -- the processor's quoted refund fee, in minor units; NULL: use the schedule
  refunded             NUMERIC                -- already refunded from this top-up; NULL: nothing
);

CREATE TABLE orders (
  id         BIGSERIAL PRIMARY KEY,
  account_id BIGINT      NOT NULL REFERENCES accounts,
  top_up_id  BIGINT      NOT NULL REFERENCES top_ups,   -- the top-up that funded the order
  amount     NUMERIC     NOT NULL,
  currency   TEXT        NOT NULL,
  placed_at  TIMESTAMPTZ NOT NULL,
  status     TEXT        NOT NULL CHECK (status IN ('active', 'cancelled'))
);

CREATE TABLE refund_requests (
  id                      BIGSERIAL PRIMARY KEY,
  request_key             TEXT        NOT NULL UNIQUE,  -- e.g. the e-mail's Message-ID
  clause                  TEXT        NOT NULL CHECK (clause IN ('top-up-refund', 'order-cancellation', 'termination')),
  account_id              BIGINT      NOT NULL REFERENCES accounts,
  top_up_id               BIGINT      REFERENCES top_ups,   -- set for 'top-up-refund'
  order_id                BIGINT      REFERENCES orders,    -- set for 'order-cancellation'
  channel                 TEXT        NOT NULL,             -- as the mail gateway wrote it ('email', 'EMAIL', 'letter')
  received_at             TIMESTAMPTZ NOT NULL,
  quoted_order_id         BIGINT,                           -- the order number the customer quoted; NULL: none
  information_requested   TEXT[],                           -- what support asked the customer for; NULL: nothing
  information_provided_at TIMESTAMPTZ                       -- when they answered; NULL: not yet
);

CREATE TABLE refund_decisions (
  request_key TEXT        PRIMARY KEY REFERENCES refund_requests (request_key),
  decision    JSONB       NOT NULL,   -- the library's decision, exactly as it returned it
  decided_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
`

/** A morning's data: five accounts, their top-ups, one order and five refund requests (ids 1, 2, … in order). */
export const seed = `
INSERT INTO accounts (currency, balance, debt, last_activity_at, identity_verified, ownership_verified, payout_method)
VALUES ('EUR', 180.40, NULL,  '2026-12-22 08:12:00+00', NULL, NULL, NULL),     -- 1: spent 69.60 of a 250.00 top-up
       ('EUR', 300.00, NULL,  '2026-11-19 12:00:00+00', true, true, 'sepa'),   -- 2
       ('GBP', 10.01,  NULL,  '2026-12-16 20:11:45+00', NULL, NULL, NULL),     -- 3: placed one order
       ('EUR', 15.00,  22.50, '2026-10-30 17:40:00+00', NULL, NULL, NULL),     -- 4: owes more than it holds
       ('EUR', 50.00,  NULL,  '2026-11-10 08:00:00+00', NULL, NULL, NULL);     -- 5

INSERT INTO top_ups (account_id, amount, currency, credited_at, method, processing_fee_minor, refunded)
VALUES (1, 250.00, 'EUR', '2026-12-21 19:05:00+00', 'card', NULL, NULL),   -- 1
       (2, 120.00, 'EUR', '2026-11-19 12:00:00+00', 'sepa', 35,   20.00),  -- 2: 20.00 refunded before; processor quotes 0.35
       (3, 100.00, 'GBP', '2026-12-16 20:03:00+00', 'card', NULL, NULL),   -- 3
       (5, 50.00,  'EUR', '2026-11-10 08:00:00+00', 'card', NULL, NULL);   -- 4

INSERT INTO orders (account_id, top_up_id, amount, currency, placed_at, status)
VALUES (3, 3, 89.99, 'GBP', '2026-12-16 20:11:45+00', 'active');          -- 1

INSERT INTO refund_requests
  (request_key, clause, account_id, top_up_id, order_id, channel, received_at,
   quoted_order_id, information_requested, information_provided_at)
VALUES
  ('msg-1001', 'top-up-refund',      1, 1,    NULL, 'email',  '2026-12-22 16:30:00+00', NULL, NULL, NULL),
  ('msg-1002', 'top-up-refund',      2, 2,    NULL, 'EMAIL',  '2026-11-20 10:00:00+00', NULL, NULL, NULL),
  ('msg-1003', 'top-up-refund',      5, 4,    NULL, 'letter', '2026-11-13 09:00:00+00', NULL, NULL, NULL),
  ('msg-1004', 'order-cancellation', 3, NULL, 1,    'email',  '2026-12-18 09:47:00+00', 1,
   ARRAY['order details from the personal account'], '2026-12-21 08:05:00+00'),
  ('msg-1005', 'termination',        4, NULL, NULL, 'email',  '2026-12-01 11:00:00+00', NULL, NULL, NULL);
`
