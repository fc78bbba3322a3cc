-- One database for every node. The server creates its tables at start (CREATE TABLE IF NOT EXISTS): the
-- event store's and the Orleans membership table (cluster_version, cluster_members and the OrleansQuery
-- statements the clustering provider reads); it needs only ownership of its own schema.
CREATE ROLE wargame LOGIN PASSWORD 'change-me';
CREATE DATABASE wargame OWNER wargame ENCODING 'UTF8';
-- In postgresql.conf keep synchronous_commit = on (the default): an acknowledged command must survive
-- a crash of the database host as well as of a node.
