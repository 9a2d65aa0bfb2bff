;; MinHash signature of a set of shingle hashes with 128-bit SIMD: the same values as `signatureOf`
;; in minhash.ts (its JavaScript reference). Each of the 64 multipliers A and offsets B gives one
;; a*x+b per shingle, whose high and low 16 bits are two of the signature's values; the minimum of
;; each 16-bit half over all shingles is one i16x8.min_u per four multiply-adds.
;;
;; Memory (one 64 KiB page):
;;   0     A, 64 x i32       (written by the caller once)
;;   256   B, 64 x i32       (written by the caller once)
;;   512   out, 64 x i32     (per pair: low 16 bits of the minima, then high; read by the caller)
;;   1024  shingles, n x u32 (at most 16,128)
;;
;; Sixteen pairs at a time: their A, B and running minima stay in 12 registers while the loop
;; reads each shingle once.
(module
  (memory (export "memory") 1)
  (func (export "signature") (param $n i32)
    (local $blk i32) (local $p i32) (local $end i32) (local $x v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $m0 v128) (local $m1 v128) (local $m2 v128) (local $m3 v128)
    (local.set $end (i32.add (i32.const 1024) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $blk (i32.const 0))
    (loop $blocks
      (local.set $a0 (v128.load offset=0 (local.get $blk)))
      (local.set $a1 (v128.load offset=16 (local.get $blk)))
      (local.set $a2 (v128.load offset=32 (local.get $blk)))
      (local.set $a3 (v128.load offset=48 (local.get $blk)))
      (local.set $b0 (v128.load offset=256 (local.get $blk)))
      (local.set $b1 (v128.load offset=272 (local.get $blk)))
      (local.set $b2 (v128.load offset=288 (local.get $blk)))
      (local.set $b3 (v128.load offset=304 (local.get $blk)))
      (local.set $m0 (v128.const i32x4 -1 -1 -1 -1))
      (local.set $m1 (local.get $m0))
      (local.set $m2 (local.get $m0))
      (local.set $m3 (local.get $m0))
      (local.set $p (i32.const 1024))
      (block $done
        (loop $shingles
          (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
          (local.set $x (i32x4.splat (i32.load (local.get $p))))
          (local.set $m0 (i16x8.min_u (local.get $m0) (i32x4.add (i32x4.mul (local.get $a0) (local.get $x)) (local.get $b0))))
          (local.set $m1 (i16x8.min_u (local.get $m1) (i32x4.add (i32x4.mul (local.get $a1) (local.get $x)) (local.get $b1))))
          (local.set $m2 (i16x8.min_u (local.get $m2) (i32x4.add (i32x4.mul (local.get $a2) (local.get $x)) (local.get $b2))))
          (local.set $m3 (i16x8.min_u (local.get $m3) (i32x4.add (i32x4.mul (local.get $a3) (local.get $x)) (local.get $b3))))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (br $shingles)))
      (v128.store offset=512 (local.get $blk) (local.get $m0))
      (v128.store offset=528 (local.get $blk) (local.get $m1))
      (v128.store offset=544 (local.get $blk) (local.get $m2))
      (v128.store offset=560 (local.get $blk) (local.get $m3))
      (local.set $blk (i32.add (local.get $blk) (i32.const 64)))
      (br_if $blocks (i32.lt_u (local.get $blk) (i32.const 256))))))
