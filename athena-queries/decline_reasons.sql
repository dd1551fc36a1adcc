-- Title: Decline reasons mix
-- Question: Why are payments declined: how many declines carry each ISO 8583 (DE39) response code,
--   and what share of all declines is that?
-- Reads: payments_silver.payments
SELECT
  response_code,
  CASE response_code
    WHEN '05' THEN 'Do not honor'
    WHEN '12' THEN 'Invalid transaction'
    WHEN '14' THEN 'Invalid card number'
    WHEN '51' THEN 'Insufficient funds'
    WHEN '54' THEN 'Expired card'
    WHEN '55' THEN 'Incorrect PIN'
    WHEN '57' THEN 'Transaction not permitted to cardholder'
    WHEN '59' THEN 'Suspected fraud'
    WHEN '61' THEN 'Exceeds withdrawal amount limit'
    WHEN '63' THEN 'Security violation'
    WHEN '75' THEN 'Allowable number of PIN tries exceeded'
    WHEN '91' THEN 'Issuer or switch inoperative'
    ELSE 'Other'
  END AS reason,
  count(*) AS declines,
  round(CAST(count(*) AS double) / sum(count(*)) OVER (), 4) AS share_of_declines
FROM payments_silver.payments
WHERE status = 'DECLINED'
GROUP BY response_code
ORDER BY declines DESC, response_code
