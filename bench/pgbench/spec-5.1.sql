-- pgbench_custom_scripts.sql
-- Test multi-tenant query performance
\set business_id random(1, 1000)
\set user_id random(1, 10000)

SELECT * FROM businesses b
JOIN users u ON b.id = u.business_id  
WHERE b.id = :business_id
AND b.status = 'active';

-- Test AI generation history queries
SELECT * FROM ai_generations ag
WHERE ag.business_id = :business_id
AND ag.created_at > NOW() - INTERVAL '7 days'
ORDER BY ag.created_at DESC
LIMIT 50;

-- Test WhatsApp message throughput
INSERT INTO whatsapp_messages (business_id, user_id, content, direction)
VALUES (:business_id, :user_id, 'Test message content', 'inbound');
