-- upgrade

ALTER TABLE products ALTER COLUMN description TYPE VARCHAR(3000);

ALTER TABLE users ALTER COLUMN language_code TYPE VARCHAR(10);

ALTER TABLE users ADD COLUMN phone_number VARCHAR(50);

-- downgrade

ALTER TABLE users DROP COLUMN phone_number;

ALTER TABLE users ALTER COLUMN language_code TYPE VARCHAR(255);

ALTER TABLE products ALTER COLUMN description TYPE TEXT;
