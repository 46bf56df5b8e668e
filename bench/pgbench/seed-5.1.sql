-- The reference target's seed shape (platform-sim README, "Seed shape"): businesses 1..1000, all active;
-- users 1..10000, user n in business (n-1) % 1000 + 1; 20 AI generations and 10 WhatsApp messages per
-- business over the last 14 days. Loaded after platform-sim's own V1__schema.sql.
INSERT INTO businesses (id, name, business_type, city, state, status)
SELECT g, 'Business ' || g, (ARRAY['restaurant', 'salon', 'clinic', 'shop'])[g % 4 + 1], 'São Paulo', 'SP', 'active'
FROM generate_series(1, 1000) g;
INSERT INTO users (id, business_id, email, password_hash, name)
SELECT g, (g - 1) % 1000 + 1, 'user_' || g || '@gmail.com', 'pbkdf2_sha256$100000$seed$hash', 'User ' || g
FROM generate_series(1, 10000) g;
INSERT INTO ai_generations (business_id, user_id, department, model, prompt, content, input_tokens, output_tokens,
                            cost, latency_ms, created_at)
SELECT b, b + 1000 * (k % 10), 'marketing', 'gemini-2.5-flash', 'Write a post about our offers',
       repeat('Generated marketing copy. ', 20), 120, 480, 0.000312, 900,
       now() - (k * interval '16 hours') - (b % 60) * interval '1 minute'
FROM generate_series(1, 1000) b, generate_series(1, 20) k;
INSERT INTO whatsapp_messages (business_id, user_id, content, direction, created_at)
SELECT b, b + 1000 * (k % 10), 'Olá! Gostaria de saber o horário de hoje.', CASE WHEN k % 2 = 0 THEN 'inbound' ELSE 'outbound' END,
       now() - (k * interval '32 hours') - (b % 60) * interval '1 minute'
FROM generate_series(1, 1000) b, generate_series(1, 10) k;
SELECT setval(pg_get_serial_sequence('businesses', 'id'), 1000);
SELECT setval(pg_get_serial_sequence('users', 'id'), 10000);
ANALYZE;
