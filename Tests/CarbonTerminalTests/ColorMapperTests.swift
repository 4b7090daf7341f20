import Testing

@testable import CarbonTerminal

@Suite struct ColorMapperTests {
  @Test func pureRedIsCube196() {
    // r=255 is cube level 5, g=b=0 level 0: 16 + 36*5 + 6*0 + 0 = 196, distance 0.
    #expect(ColorMapper.nearest256((255, 0, 0)) == 196)
  }

  @Test func midGreyIsRamp244() {
    // Cube: 128 is nearest level 135 (index 2): 16+36*2+6*2+2 = 102, distance 3*7^2 = 147.
    // Ramp: 8 + 10*12 = 128 exactly, index 232+12 = 244, distance 0.
    #expect(ColorMapper.nearest256((128, 128, 128)) == 244)
  }

  @Test func cubeCorners() {
    // Black: cube 16 (0,0,0) distance 0; ramp 232 (8,8,8) distance 192.
    #expect(ColorMapper.nearest256((0, 0, 0)) == 16)
    // White: 16 + 180 + 30 + 5 = 231.
    #expect(ColorMapper.nearest256((255, 255, 255)) == 231)
    // #5F87AF = (95,135,175) = levels (1,2,3): 16 + 36 + 12 + 3 = 67.
    #expect(ColorMapper.nearest256((0x5F, 0x87, 0xAF)) == 67)
    // #080808: ramp 232 exact; cube 16 is 3*8^2 = 192 away.
    #expect(ColorMapper.nearest256((8, 8, 8)) == 232)
  }

  @Test func paletteValues() {
    #expect(ColorMapper.rgb(ofIndex: 244) == (128, 128, 128))
    #expect(ColorMapper.rgb(ofIndex: 196) == (255, 0, 0))
    #expect(ColorMapper.rgb(ofIndex: 67) == (95, 135, 175))
    #expect(ColorMapper.rgb(ofIndex: 9) == (255, 0, 0))
  }

  @Test func redIn16And8() {
    // 16 colours: index 9 (255,0,0) is exact.
    #expect(ColorMapper.nearestBasic((255, 0, 0), count: 16) == 9)
    // 8 colours: red (205,0,0) at 50^2 = 2500 beats everything else
    // (black 65025, yellow 2500 + 205^2, magenta 2500 + 205^2).
    #expect(ColorMapper.nearestBasic((255, 0, 0), count: 8) == 1)
  }

  @Test func okabeItoBlueIn16() {
    // #0072B2 = (0,114,178). Blue (0,0,238): 114^2 + 60^2 = 12996 + 3600 = 16596.
    // Cyan (0,205,205): 91^2 + 27^2 = 8281 + 729 = 9010. Bright blue (92,92,255):
    // 92^2 + 22^2 + 77^2 = 8464 + 484 + 5929 = 14877. Cyan wins: index 6.
    #expect(ColorMapper.nearestBasic((0, 0x72, 0xB2), count: 16) == 6)
  }

  @Test func mapByDepth() {
    #expect(ColorMapper.map(.rgb(255, 0, 0), to: .none) == .default)
    #expect(ColorMapper.map(.rgb(255, 0, 0), to: .trueColor) == .rgb(255, 0, 0))
    #expect(ColorMapper.map(.rgb(255, 0, 0), to: .indexed256) == .indexed(196))
    #expect(ColorMapper.map(.rgb(255, 0, 0), to: .ansi16) == .indexed(9))
    #expect(ColorMapper.map(.rgb(255, 0, 0), to: .ansi8) == .indexed(1))
    #expect(ColorMapper.map(.default, to: .indexed256) == .default)
    // Bright red (9) on an 8-colour terminal becomes red (1).
    #expect(ColorMapper.map(.indexed(9), to: .ansi8) == .indexed(1))
    // 196 is (255,0,0): bright red 9 in 16 colours.
    #expect(ColorMapper.map(.indexed(196), to: .ansi16) == .indexed(9))
    #expect(ColorMapper.map(.indexed(244), to: .indexed256) == .indexed(244))
    #expect(ColorMapper.map(.indexed(3), to: .none) == .default)
  }
}
