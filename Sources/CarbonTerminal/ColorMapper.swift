/// Maps theme colours to what a terminal of a given depth can show: pure functions.
///
/// The 256-colour palette is xterm's: 0-15 the basic colours, 16-231 a 6x6x6 cube with
/// levels 0, 95, 135, 175, 215, 255, and 232-255 a grey ramp 8, 18, ..., 238. The nearest
/// colour is the one at the least Euclidean distance in RGB.
public enum ColorMapper {
  /// An RGB triple.
  public typealias RGB = (r: UInt8, g: UInt8, b: UInt8)

  /// xterm's default values for the 16 basic colours.
  public static let basicPalette: [RGB] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
    (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
    (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  /// The levels of each axis of the 6x6x6 cube.
  public static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

  /// The RGB value of a 256-colour palette index.
  public static func rgb(ofIndex index: UInt8) -> RGB {
    let i = Int(index)
    if i < 16 { return basicPalette[i] }
    if i < 232 {
      let c = i - 16
      return (
        UInt8(cubeLevels[c / 36]), UInt8(cubeLevels[(c / 6) % 6]), UInt8(cubeLevels[c % 6])
      )
    }
    let g = UInt8(8 + 10 * (i - 232))
    return (g, g, g)
  }

  /// Squared Euclidean distance between two colours.
  public static func distance(_ a: RGB, _ b: RGB) -> Int {
    let dr = Int(a.r) - Int(b.r)
    let dg = Int(a.g) - Int(b.g)
    let db = Int(a.b) - Int(b.b)
    return dr * dr + dg * dg + db * db
  }

  /// The nearest index 16-255 (cube or grey ramp; 0-15 are left out because terminals
  /// redefine them).
  public static func nearest256(_ c: RGB) -> UInt8 {
    func nearestLevel(_ v: UInt8) -> Int {
      var best = 0
      for (i, level) in cubeLevels.enumerated()
      where abs(level - Int(v)) < abs(cubeLevels[best] - Int(v)) {
        best = i
      }
      return best
    }
    let (ri, gi, bi) = (nearestLevel(c.r), nearestLevel(c.g), nearestLevel(c.b))
    let cubeIndex = 16 + 36 * ri + 6 * gi + bi
    let cubeDistance = distance(c, rgb(ofIndex: UInt8(cubeIndex)))
    // Grey ramp: the step nearest the mean of the channels, then compare truly.
    let mean = (Int(c.r) + Int(c.g) + Int(c.b)) / 3
    let step = min(23, max(0, (mean - 8 + 5) / 10))
    let greyIndex = 232 + step
    let greyDistance = distance(c, rgb(ofIndex: UInt8(greyIndex)))
    return UInt8(greyDistance < cubeDistance ? greyIndex : cubeIndex)
  }

  /// The nearest of the first `count` basic colours (8 or 16).
  public static func nearestBasic(_ c: RGB, count: Int) -> UInt8 {
    var best = 0
    var bestDistance = Int.max
    for i in 0..<min(max(count, 1), 16) {
      let d = distance(c, basicPalette[i])
      if d < bestDistance {
        best = i
        bestDistance = d
      }
    }
    return UInt8(best)
  }

  /// A colour expressed in what a depth can show: `.rgb` only for true colour, `.indexed`
  /// within 0..<256, 0..<16 or 0..<8, and `.default` for no colour at all.
  public static func map(_ color: Color, to depth: ColorDepth) -> Color {
    switch (color, depth) {
    case (_, .none), (.default, _): return .default
    case (.rgb, .trueColor): return color
    case (.rgb(let r, let g, let b), .indexed256): return .indexed(nearest256((r, g, b)))
    case (.rgb(let r, let g, let b), .ansi16): return .indexed(nearestBasic((r, g, b), count: 16))
    case (.rgb(let r, let g, let b), .ansi8): return .indexed(nearestBasic((r, g, b), count: 8))
    case (.indexed, .trueColor), (.indexed, .indexed256): return color
    case (.indexed(let i), .ansi16):
      return i < 16 ? color : .indexed(nearestBasic(rgb(ofIndex: i), count: 16))
    case (.indexed(let i), .ansi8):
      // Bright basic colours become their normal counterparts.
      if i < 16 { return .indexed(i % 8) }
      return .indexed(nearestBasic(rgb(ofIndex: i), count: 8))
    }
  }
}
