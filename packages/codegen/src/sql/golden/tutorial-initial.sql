-- upgrade

CREATE TABLE users (
    telegram_id BIGINT NOT NULL,
    full_name VARCHAR(255) NOT NULL,
    username VARCHAR(255),
    language_code VARCHAR(255) NOT NULL,
    created_at TIMESTAMP DEFAULT now(),
    referrer_id BIGINT,
    CONSTRAINT users_pkey PRIMARY KEY (telegram_id),
    CONSTRAINT users_referrer_id_fkey FOREIGN KEY (referrer_id) REFERENCES users (telegram_id) ON DELETE SET NULL
);

CREATE TABLE orders (
    order_id SERIAL NOT NULL,
    user_id BIGINT NOT NULL,
    created_at TIMESTAMP DEFAULT now(),
    CONSTRAINT orders_pkey PRIMARY KEY (order_id),
    CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (telegram_id) ON DELETE CASCADE
);

CREATE TABLE products (
    product_id SERIAL NOT NULL,
    title VARCHAR(255) NOT NULL,
    description TEXT,
    created_at TIMESTAMP DEFAULT now(),
    CONSTRAINT products_pkey PRIMARY KEY (product_id)
);

CREATE TABLE order_products (
    order_id INTEGER NOT NULL,
    product_id INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    CONSTRAINT order_products_pkey PRIMARY KEY (order_id, product_id),
    CONSTRAINT order_products_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (order_id) ON DELETE CASCADE,
    CONSTRAINT order_products_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (product_id) ON DELETE RESTRICT
);

-- downgrade

DROP TABLE order_products;

DROP TABLE products;

DROP TABLE orders;

DROP TABLE users;
