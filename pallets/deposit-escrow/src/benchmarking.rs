//! Benchmarks of every call and of `on_initialize`, at the worst case of the configured
//! bounds.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Hooks};
use frame_system::RawOrigin;

const SEED: u32 = 0;

fn quantum<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(100u32.into())
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Currency::set_balance(&who, quantum::<T>().saturating_mul(1_000u32.into()));
	who
}

/// A member with the most guarantors, each escrowing one quantum behind them.
fn insured_member<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who = funded::<T>(name, index);
	T::BenchmarkHelper::make_member(&who);
	for g in 0..T::MaxGuarantors::get() {
		let guarantor = funded::<T>("guarantor", index * 1_000 + g);
		if let Err(error) =
			<Pallet<T> as GuaranteeEscrow<_, _>>::lock(&guarantor, &who, quantum::<T>())
		{
			panic!("benchmark setup failed: {error:?}");
		}
	}
	who
}

/// Adds behind `who` as many ended guarantees' retained escrow as the pallet keeps, one quantum
/// each: the most that closing a deal of theirs, or more escrow behind them, may return.
fn with_retained_escrow<T: Config>(who: &T::AccountId, index: u32) {
	for g in 0..T::MaxGuarantors::get() {
		let former = funded::<T>("former", index * 1_000 + g);
		if let Err(error) =
			T::Currency::hold(&HoldReason::Guarantee.into(), &former, quantum::<T>())
		{
			panic!("benchmark setup failed: {error:?}");
		}
		let record = EscrowRecord {
			held: quantum::<T>(),
			quantum: quantum::<T>(),
			top_up_by: None,
			top_up_paused: None,
			ended: true,
		};
		Escrows::<T>::insert(who, &former, record);
		Behind::<T>::mutate(who, |b| b.saturating_accrue(quantum::<T>()));
	}
	Retaining::<T>::insert(who, ());
}

/// Fills `who`'s deal list to one below the bound with small deals `who` proposes to `other`.
fn fill_deals<T: Config>(who: &T::AccountId, other: &T::AccountId) {
	for _ in 1..T::MaxDealsPerMember::get() {
		let _ = Pallet::<T>::open_deal(
			RawOrigin::Signed(who.clone()).into(),
			T::Lookup::unlookup(other.clone()),
			1u32.into(),
			H256::zero(),
		);
	}
}

/// Fills the deal deadlines of block `at` so that filing one more opens a new page: the
/// costliest filing (the block's first page and its last overflow page are full). The items
/// name no deal, so the hook would skip them.
fn full_deadline_pages<T: Config>(at: BlockNumberFor<T>) {
	let now = frame_system::Pallet::<T>::block_number();
	for _ in 0..T::DeadlinePageSize::get().saturating_mul(2) {
		DealQueue::<T>::file(now, at, DealId::MAX);
	}
}

/// The block a deadline filed now at `period` from now falls in.
fn in_blocks<T: Config>(period: BlockNumberFor<T>) -> BlockNumberFor<T> {
	let now = frame_system::Pallet::<T>::block_number();
	now.saturating_add(period).max(now.saturating_add(One::one()))
}

fn open_accepted<T: Config>() -> (DealId, T::AccountId, T::AccountId) {
	let initiator = insured_member::<T>("initiator", 0);
	let counterparty = insured_member::<T>("counterparty", 1);
	let id = NextDealId::<T>::get();
	let opened = Pallet::<T>::open_deal(
		RawOrigin::Signed(initiator.clone()).into(),
		T::Lookup::unlookup(counterparty.clone()),
		quantum::<T>(),
		H256::zero(),
	)
	.and_then(|_| Pallet::<T>::accept_deal(RawOrigin::Signed(counterparty.clone()).into(), id));
	if let Err(error) = opened {
		panic!("benchmark setup failed: {error:?}");
	}
	with_retained_escrow::<T>(&initiator, 0);
	with_retained_escrow::<T>(&counterparty, 1);
	(id, initiator, counterparty)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// Both parties with the most guarantors (the insured quantum is a minimum over them) and
	// one free deal slot each; the expiry's block has full deadline pages.
	#[benchmark]
	fn open_deal() {
		let initiator = insured_member::<T>("initiator", 0);
		let counterparty = insured_member::<T>("counterparty", 1);
		fill_deals::<T>(&initiator, &counterparty);
		full_deadline_pages::<T>(in_blocks::<T>(DealPeriod::<T>::get()));
		let id = NextDealId::<T>::get();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(initiator),
			T::Lookup::unlookup(counterparty),
			quantum::<T>() / 2u32.into(),
			H256::zero(),
		);
		assert!(Deals::<T>::contains_key(id));
	}

	// The counterparty's deal list one below the bound: accepting adds the deal to it; the
	// completion's block has full deadline pages.
	#[benchmark]
	fn accept_deal() {
		let initiator = insured_member::<T>("initiator", 0);
		let counterparty = insured_member::<T>("counterparty", 1);
		fill_deals::<T>(&counterparty, &initiator);
		let id = NextDealId::<T>::get();
		let _ = Pallet::<T>::open_deal(
			RawOrigin::Signed(initiator).into(),
			T::Lookup::unlookup(counterparty.clone()),
			quantum::<T>(),
			H256::zero(),
		);
		full_deadline_pages::<T>(in_blocks::<T>(DealPeriod::<T>::get()));
		#[extrinsic_call]
		_(RawOrigin::Signed(counterparty), id);
		assert!(matches!(Deals::<T>::get(id).map(|d| d.status), Some(DealStatus::Open { .. })));
	}

	// The deal is the last of full lists on both sides.
	#[benchmark]
	fn cancel_deal() {
		let initiator = insured_member::<T>("initiator", 0);
		let counterparty = insured_member::<T>("counterparty", 1);
		fill_deals::<T>(&initiator, &counterparty);
		let id = NextDealId::<T>::get();
		let _ = Pallet::<T>::open_deal(
			RawOrigin::Signed(initiator.clone()).into(),
			T::Lookup::unlookup(counterparty),
			1u32.into(),
			H256::zero(),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(initiator), id);
		assert!(!Deals::<T>::contains_key(id));
	}

	// The first confirmation, which only records it.
	#[benchmark]
	fn confirm_deal_first() {
		let (id, initiator, _) = open_accepted::<T>();
		#[extrinsic_call]
		confirm_deal(RawOrigin::Signed(initiator), id);
		assert!(Deals::<T>::get(id).is_some_and(|d| d.initiator_confirmed));
	}

	// The second confirmation, which completes the deal; the block it is forgotten in has
	// full deadline pages.
	#[benchmark]
	fn confirm_deal() {
		let (id, initiator, counterparty) = open_accepted::<T>();
		let _ = Pallet::<T>::confirm_deal(RawOrigin::Signed(initiator).into(), id);
		full_deadline_pages::<T>(in_blocks::<T>(SettledPeriod::<T>::get()));
		#[extrinsic_call]
		_(RawOrigin::Signed(counterparty), id);
		assert!(matches!(
			Deals::<T>::get(id).map(|d| d.status),
			Some(DealStatus::Completed { .. })
		));
	}

	#[benchmark]
	fn complete_due_deal() {
		let (id, _, _) = open_accepted::<T>();
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(DealPeriod::<T>::get()),
		);
		full_deadline_pages::<T>(in_blocks::<T>(SettledPeriod::<T>::get()));
		let caller = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert!(matches!(
			Deals::<T>::get(id).map(|d| d.status),
			Some(DealStatus::Completed { .. })
		));
	}

	#[benchmark]
	fn top_up() {
		let accused = insured_member::<T>("accused", 0);
		let injured = funded::<T>("injured", 0);
		if let Err(error) = Pallet::<T>::compensate(&accused, &injured, quantum::<T>()) {
			panic!("benchmark setup failed: {error:?}");
		}
		let Some(guarantor) = Escrows::<T>::iter_key_prefix(&accused)
			.find(|g| Escrows::<T>::get(&accused, g).is_some_and(|e| e.held < e.quantum))
		else {
			panic!("a compensation of one quantum leaves a guarantor to top up")
		};
		with_retained_escrow::<T>(&accused, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(guarantor.clone()), T::Lookup::unlookup(accused.clone()));
		assert!(Escrows::<T>::get(&accused, &guarantor).is_some_and(|e| e.held == e.quantum));
	}

	// Nothing due, nothing waiting: the block reads each queue's backlog and first page.
	#[benchmark]
	fn on_initialize_idle() {
		let now = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
		assert!(DealDeadlineBacklog::<T>::get().is_none());
	}

	// `d` deals complete and `t` top-ups fall due, the most pages a block takes, after `b`
	// blocks stepped through (a backlog of `b - 1` empty blocks before them).
	#[benchmark]
	fn on_initialize(
		d: Linear<
			0,
			{ T::DeadlinePageSize::get().saturating_mul(T::DeadlinePagesPerBlock::get()) },
		>,
		t: Linear<
			0,
			{
				T::DeadlinePageSize::get()
					.saturating_mul(T::DeadlinePagesPerBlock::get())
					.min(T::MaxGuarantors::get())
			},
		>,
		b: Linear<1, { synergy_primitives::deadlines::MAX_BLOCKS_STEPPED }>,
	) {
		let initiator = insured_member::<T>("initiator", 0);
		let counterparty = insured_member::<T>("counterparty", 1);
		with_retained_escrow::<T>(&initiator, 0);
		with_retained_escrow::<T>(&counterparty, 1);
		let now = frame_system::Pallet::<T>::block_number();
		let due = now
			.saturating_add(DealPeriod::<T>::get().max(TopUpPeriod::<T>::get()))
			.saturating_add(b.into());
		for _ in 0..d {
			let id = NextDealId::<T>::get();
			NextDealId::<T>::put(id.saturating_add(1));
			Deals::<T>::insert(
				id,
				Deal {
					initiator: initiator.clone(),
					counterparty: counterparty.clone(),
					amount: 1u32.into(),
					terms: H256::zero(),
					status: DealStatus::Open { completes_at: due },
					opened_at: now,
					initiator_confirmed: false,
					counterparty_confirmed: false,
				},
			);
			for party in [&initiator, &counterparty] {
				DealsOf::<T>::mutate(party, |list| {
					let _ = list.try_push(id);
				});
				Exposure::<T>::mutate(party, |e| e.saturating_accrue(1u32.into()));
			}
			DealQueue::<T>::file(now, due, id);
		}
		let escrows: Vec<_> = Escrows::<T>::iter_prefix(&initiator)
			.filter(|(_, r)| !r.ended)
			.take(t as usize)
			.collect();
		for (guarantor, record) in escrows {
			Escrows::<T>::insert(
				&initiator,
				&guarantor,
				EscrowRecord {
					quantum: record.held.saturating_add(1u32.into()),
					top_up_by: Some(due),
					..record
				},
			);
			TopUpQueue::<T>::file(now, due, (initiator.clone(), guarantor));
		}
		let first = due.saturating_sub(b.saturating_sub(1).into());
		DealDeadlineBacklog::<T>::put(first);
		TopUpDeadlineBacklog::<T>::put(first);
		#[block]
		{
			Pallet::<T>::on_initialize(due);
		}
		assert!(DealDeadlines::<T>::get(due).is_empty());
		assert!(DealDeadlineBacklog::<T>::get().is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
