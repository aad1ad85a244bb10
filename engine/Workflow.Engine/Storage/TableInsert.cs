using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Workflow.Engine.Storage;

/// <summary>
/// Prepared INSERTs for an entity type, built from the EF model: the same table, columns and value conversions
/// EF itself uses, without its change tracking. Rows are buffered and written several to a statement.
/// Not thread-safe; one per transaction.
/// </summary>
internal sealed class TableInsert
{
    private readonly WorkflowDbContext _db;
    private readonly DbTransaction _transaction;
    private readonly List<Column> _columns = [];
    private readonly Dictionary<int, DbCommand> _commands = [];
    private readonly List<object> _pending = [];
    private readonly string _table;
    private readonly string _columnList;
    private readonly string? _returning;
    private readonly int _rowsPerStatement;

    private TableInsert(
        WorkflowDbContext db,
        DbTransaction transaction,
        Type clrType,
        bool returnKey,
        int rowsPerStatement)
    {
        _db = db;
        _transaction = transaction;
        _rowsPerStatement = rowsPerStatement;

        var entity = db.Model.FindEntityType(clrType)
            ?? throw new InvalidOperationException($"{clrType.Name} is not part of the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var keys = entity.FindPrimaryKey()!.Properties;
        var key = keys.Count == 1 && keys[0].ValueGenerated == ValueGenerated.OnAdd ? keys[0] : null;
        if (returnKey && key is null)
        {
            throw new InvalidOperationException($"{clrType.Name} has no single generated key to return.");
        }

        foreach (var property in entity.GetProperties().Where(p => p != key))
        {
            var getter = property.GetGetter();
            _columns.Add(new Column(property, property.GetColumnName(store)!, e => getter.GetClrValue(e)));
        }

        foreach (var property in entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()))
        {
            var getter = property.GetGetter();
            var column = property.GetColumnName(store)!;
            _columns.Add(new Column(property, column, e => getter.GetClrValueUsingContainingEntity(e)));
        }

        _table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        _columnList = string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Name)));
        _returning = returnKey ? $" RETURNING {sql.DelimitIdentifier(key!.GetColumnName(store)!)}" : null;
    }

    /// <summary>Prepares inserts of one row at a time that return the store-generated key.</summary>
    public static TableInsert Returning(WorkflowDbContext db, DbTransaction transaction, Type clrType) =>
        new(db, transaction, clrType, returnKey: true, rowsPerStatement: 1);

    /// <summary>Prepares buffered inserts; the buffer is written when full and by <see cref="FlushAsync"/>.</summary>
    public static TableInsert Buffered(WorkflowDbContext db, DbTransaction transaction, Type clrType, int rows) =>
        new(db, transaction, clrType, returnKey: false, rowsPerStatement: rows);

    /// <summary>Inserts one row at once and returns its generated key.</summary>
    public async Task<object?> InsertReturningAsync(object entity, CancellationToken cancellationToken)
    {
        var command = Command(1);
        Bind(command, 0, entity);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task AddAsync(object entity, CancellationToken cancellationToken)
    {
        _pending.Add(entity);
        if (_pending.Count == _rowsPerStatement)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var command = Command(_pending.Count);
        for (var row = 0; row < _pending.Count; row++)
        {
            Bind(command, row, _pending[row]);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
        _pending.Clear();
    }

    /// <summary>Forgets the buffered rows, after the statement that was to write them failed.</summary>
    public void Discard() => _pending.Clear();

    private void Bind(DbCommand command, int row, object entity)
    {
        var offset = row * _columns.Count;
        for (var i = 0; i < _columns.Count; i++)
        {
            var column = _columns[i];
            var value = column.Read(entity);
            if (value is not null && column.Converter is not null)
            {
                value = column.Converter.ConvertToProvider(value);
            }

            command.Parameters[offset + i].Value = value ?? DBNull.Value;
        }
    }

    /// <summary>The statement for a number of rows, prepared the first time that number is needed.</summary>
    private DbCommand Command(int rows)
    {
        if (_commands.TryGetValue(rows, out var cached))
        {
            return cached;
        }

        var sql = _db.GetService<ISqlGenerationHelper>();
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _transaction;
        var tuples = new List<string>(rows);
        for (var row = 0; row < rows; row++)
        {
            var names = new List<string>(_columns.Count);
            foreach (var column in _columns)
            {
                // The name carries its prefix so the provider finds it in the statement with one look-up.
                var name = sql.GenerateParameterNamePlaceholder($"p{command.Parameters.Count}");
                var parameter = column.Mapping.CreateParameter(command, name, null, column.Property.IsNullable);
                command.Parameters.Add(parameter);
                names.Add(name);
            }

            tuples.Add($"({string.Join(", ", names)})");
        }

        command.CommandText = $"INSERT INTO {_table} ({_columnList}) VALUES {string.Join(", ", tuples)}{_returning}";
        _commands[rows] = command;
        return command;
    }

    private sealed class Column(IProperty property, string name, Func<object, object?> read)
    {
        public IProperty Property { get; } = property;

        public string Name { get; } = name;

        public Func<object, object?> Read { get; } = read;

        public RelationalTypeMapping Mapping { get; } = property.GetRelationalTypeMapping();

        public ValueConverter? Converter { get; } =
            property.GetValueConverter() ?? property.GetRelationalTypeMapping().Converter;
    }
}
