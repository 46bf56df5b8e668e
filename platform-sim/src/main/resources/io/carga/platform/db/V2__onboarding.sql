-- Which businesses came through the onboarding flow (POST /api/v1/business/setup), and when. Seeded
-- businesses stand for customers onboarded long ago and keep NULL, so business_activation_rate judges the
-- businesses set up by the traffic, not the seed.
ALTER TABLE businesses ADD COLUMN onboarded_at timestamptz;
