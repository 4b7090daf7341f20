import CarbonKit

/// The tables of the screen on show, built once per state: the app keeps one memo, hands its
/// tables to both `update` (through `UpdateContext.tables`) and `render`, and tells it when
/// the Report changed (`reportChanged()`). Tables are built again only when the screen, the
/// entity, the active table, its filter or sort, the alerts or the Report changed.
public struct ScreenTableMemo: Sendable {
  private struct Key: Hashable, Sendable {
    var screen: Screen
    var entity: String?
    var width: Int
    var table: Int
    var filter: TableFilter?
    var sort: TableSort?
    var alerts: Int
    var generation: Int
  }
  private var key: Key?
  private var built: [ScreenTable] = []
  private var generation = 0

  public init() {}

  /// The Report (or the Dataset behind it) changed: every table is stale.
  public mutating func reportChanged() { generation += 1 }

  /// The tables of the state's screen.
  public mutating func tables(for state: UIState, report: Report, dataset: Dataset?)
    -> [ScreenTable]
  {
    let k = Key(
      screen: state.screen, entity: state.entity, width: state.size.width, table: state.table,
      filter: state.filter,
      sort: state.sort, alerts: state.alerts.count, generation: generation)
    if k != key {
      built = ScreenTable.tables(for: state, report: report, dataset: dataset)
      key = k
    }
    return built
  }
}
