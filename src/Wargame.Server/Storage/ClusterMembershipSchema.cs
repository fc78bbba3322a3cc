namespace Wargame.Server.Storage;

/// <summary>
/// The Orleans membership table in the PostgreSQL that holds the games. Microsoft.Orleans.Clustering.AdoNet ships no
/// SQL: it reads its statements by key from OrleansQuery and binds @DeploymentId (our cluster id), @Address, @Port,
/// @Generation and the entry's columns. Each write that Orleans guards with the table version bumps that version
/// first, in the same statement, so two silos racing for one version cannot both succeed.
/// </summary>
internal static class ClusterMembershipSchema
{
    public const string Sql =
        """
        CREATE TABLE IF NOT EXISTS orleansquery (
            querykey TEXT NOT NULL PRIMARY KEY,
            querytext TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cluster_version (
            deploymentid TEXT NOT NULL PRIMARY KEY,
            changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            version INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS cluster_members (
            deploymentid TEXT NOT NULL REFERENCES cluster_version (deploymentid),
            address TEXT NOT NULL,
            port INTEGER NOT NULL,
            generation INTEGER NOT NULL,
            siloname TEXT NOT NULL,
            hostname TEXT NOT NULL,
            status INTEGER NOT NULL,
            proxyport INTEGER NULL,
            suspecttimes TEXT NULL,
            starttime TIMESTAMPTZ NOT NULL,
            iamalivetime TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (deploymentid, address, port, generation));
        INSERT INTO orleansquery (querykey, querytext) VALUES
        ('InsertMembershipVersionKey',
         'WITH added AS (INSERT INTO cluster_version (deploymentid) VALUES (@DeploymentId) ON CONFLICT DO NOTHING RETURNING 1)
          SELECT count(*) > 0 FROM added'),
        ('InsertMembershipKey',
         'WITH bumped AS (
              UPDATE cluster_version SET version = version + 1, changed_at = now()
              WHERE deploymentid = @DeploymentId AND version = @Version RETURNING deploymentid),
          added AS (
              INSERT INTO cluster_members (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
              SELECT deploymentid, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM bumped
              ON CONFLICT DO NOTHING RETURNING 1)
          SELECT count(*) > 0 FROM added'),
        ('UpdateMembershipKey',
         'WITH bumped AS (
              UPDATE cluster_version SET version = version + 1, changed_at = now()
              WHERE deploymentid = @DeploymentId AND version = @Version RETURNING deploymentid),
          changed AS (
              UPDATE cluster_members m SET status = @Status, suspecttimes = @SuspectTimes, iamalivetime = @IAmAliveTime
              FROM bumped
              WHERE m.deploymentid = bumped.deploymentid AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
              RETURNING 1)
          SELECT count(*) > 0 FROM changed'),
        ('UpdateIAmAlivetimeKey',
         'UPDATE cluster_members SET iamalivetime = @IAmAliveTime
          WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation'),
        ('MembershipReadRowKey',
         'SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
                 m.suspecttimes, m.starttime, m.iamalivetime, v.version
          FROM cluster_version v
          LEFT JOIN cluster_members m ON m.deploymentid = v.deploymentid
              AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
          WHERE v.deploymentid = @DeploymentId'),
        ('MembershipReadAllKey',
         'SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
                 m.suspecttimes, m.starttime, m.iamalivetime, v.version
          FROM cluster_version v
          LEFT JOIN cluster_members m ON m.deploymentid = v.deploymentid
          WHERE v.deploymentid = @DeploymentId'),
        ('GatewaysQueryKey',
         'SELECT address, proxyport, generation FROM cluster_members
          WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0'),
        ('DeleteMembershipTableEntriesKey',
         'DELETE FROM cluster_members WHERE deploymentid = @DeploymentId;
          DELETE FROM cluster_version WHERE deploymentid = @DeploymentId'),
        ('CleanupDefunctSiloEntriesKey',
         'DELETE FROM cluster_members WHERE deploymentid = @DeploymentId AND iamalivetime < @IAmAliveTime AND status <> 3'),
        ('CleanupDefunctSiloEntryKey',
         'DELETE FROM cluster_members
          WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation AND status = 6')
        ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
        """;
}
