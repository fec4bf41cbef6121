//! Benchmarks of every call and of `on_initialize`, at the worst case of the configured
//! bounds.

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Hooks,
};
use frame_system::RawOrigin;

const SEED: u32 = 0;
/// A class of the benchmarks' own, absent from any genesis.
const CLASS: ClassId = 1_000;

fn quantum<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(10u32.into())
}

/// An account with enough to escrow many quanta.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Currency::set_balance(&who, quantum::<T>().saturating_mul(1_000u32.into()));
	who
}

/// A candidate funded well beyond any admission fee, which admission pays into the common fund.
fn candidate<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Currency::set_balance(&who, quantum::<T>().saturating_mul(1_000_000u32.into()));
	who
}

fn ensure_class<T: Config>() {
	if !Classes::<T>::contains_key(CLASS) {
		let name = BoundedVec::truncate_from(b"class".to_vec());
		// An admission fee, so that admissions pay it into the fund and closings refund it.
		Classes::<T>::insert(CLASS, Class { name, quantum: quantum::<T>(), fee: quantum::<T>() });
	}
}

/// A funded member with no guarantors of their own (the benchmarks measure the calls, not the
/// founding of the graph).
fn member<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	ensure_class::<T>();
	let who = funded::<T>(name, index);
	Members::<T>::insert(
		&who,
		MemberRecord {
			class: CLASS,
			number: Pallet::<T>::take_member_number(),
			since: Zero::zero(),
			status: MemberStatus::Active,
			guarantors: BoundedVec::new(),
			proteges: 0,
		},
	);
	who
}

/// An open application of a fresh candidate with `guarantors` guarantees, its fee paid by a
/// sponsor.
fn application<T: Config>(guarantors: u32, accepted: bool) -> (T::AccountId, Vec<T::AccountId>) {
	unpaid_application::<T>(guarantors, accepted, true)
}

/// `sponsor` pays `candidate`'s admission fee.
fn pay_fee_of<T: Config>(candidate: &T::AccountId) {
	let sponsor = funded::<T>("sponsor", 0);
	assert_ok(Pallet::<T>::pay_fee(
		RawOrigin::Signed(sponsor).into(),
		T::Lookup::unlookup(candidate.clone()),
	));
}

/// An open application of a fresh candidate with `guarantors` guarantees, its fee paid by a
/// sponsor if `paid`.
fn unpaid_application<T: Config>(
	guarantors: u32,
	accepted: bool,
	paid: bool,
) -> (T::AccountId, Vec<T::AccountId>) {
	let candidate = candidate::<T>("candidate", 0);
	let first = member::<T>("guarantor", 0);
	fresh_period::<T>();
	assert_ok(Pallet::<T>::propose(
		RawOrigin::Signed(first.clone()).into(),
		T::Lookup::unlookup(candidate.clone()),
		CLASS,
	));
	if paid {
		pay_fee_of::<T>(&candidate);
	}
	let mut all = vec![first];
	for i in 1..guarantors {
		let g = member::<T>("guarantor", i);
		assert_ok(
			Pallet::<T>::guarantee(
				RawOrigin::Signed(g.clone()).into(),
				T::Lookup::unlookup(candidate.clone()),
			)
			.map(|_| ())
			.map_err(|e| e.error),
		);
		all.push(g);
	}
	if accepted {
		Applications::<T>::mutate(&candidate, |a| {
			if let Some(a) = a {
				a.accepted = true;
			}
		});
	}
	(candidate, all)
}

/// A member guaranteed by `guarantors` members, through the pallet's own calls.
fn guaranteed_member<T: Config>(guarantors: u32) -> (T::AccountId, Vec<T::AccountId>) {
	let (candidate, all) = application::<T>(guarantors, false);
	assert_ok(Pallet::<T>::accept(RawOrigin::Signed(candidate.clone()).into()));
	(candidate, all)
}

/// Forgets the admission period's counts, so that a setup may open more applications and give
/// more guarantees than the safeguards allow a period: the benchmarks measure the calls, not
/// the safeguards' patience.
fn fresh_period<T: Config>() {
	let _ = GivenThisPeriod::<T>::clear(u32::MAX, None);
	OpenedThisPeriod::<T>::kill();
}

fn assert_ok(result: DispatchResult) {
	if let Err(error) = result {
		panic!("benchmark setup failed: {error:?}");
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_class() -> Result<(), BenchmarkError> {
		let origin =
			T::ClassOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let name = BoundedVec::truncate_from(vec![b'x'; T::MaxClassNameLen::get() as usize]);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, CLASS, name, quantum::<T>(), quantum::<T>());
		assert!(Classes::<T>::contains_key(CLASS));
		Ok(())
	}

	#[benchmark]
	fn remove_class() -> Result<(), BenchmarkError> {
		let origin =
			T::ClassOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		ensure_class::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, CLASS);
		assert!(!Classes::<T>::contains_key(CLASS));
		Ok(())
	}

	#[benchmark]
	fn propose() {
		let guarantor = member::<T>("guarantor", 0);
		let candidate: T::AccountId = account("candidate", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(guarantor), T::Lookup::unlookup(candidate.clone()), CLASS);
		assert!(Applications::<T>::contains_key(&candidate));
	}

	// The last guarantee an accepted application needs: the candidate is admitted.
	#[benchmark]
	fn guarantee_application() {
		let (candidate, _) =
			application::<T>(T::MinGuarantors::get().saturating_sub(1).max(1), true);
		let guarantor = member::<T>("late", 0);
		#[extrinsic_call]
		guarantee(RawOrigin::Signed(guarantor), T::Lookup::unlookup(candidate.clone()));
		assert!(Members::<T>::contains_key(&candidate));
	}

	// A guarantee offered to a member in grace, beside the most offers but one.
	#[benchmark]
	fn guarantee_member() {
		let (protege, guarantors) = guaranteed_member::<T>(T::MinGuarantors::get());
		assert_ok(Pallet::<T>::revoke(
			RawOrigin::Signed(guarantors[0].clone()).into(),
			T::Lookup::unlookup(protege.clone()),
		));
		let offers = (1..T::MaxGuarantors::get()).map(|i| account("offer", i, SEED)).collect();
		Offers::<T>::insert(&protege, BoundedVec::truncate_from(offers));
		let guarantor = member::<T>("late", 0);
		#[extrinsic_call]
		guarantee(RawOrigin::Signed(guarantor.clone()), T::Lookup::unlookup(protege.clone()));
		assert!(Offers::<T>::get(&protege).contains(&guarantor));
	}

	// A member in grace accepts the last of the most offers: back to good standing.
	#[benchmark]
	fn accept_guarantee() {
		let (protege, guarantors) = guaranteed_member::<T>(T::MinGuarantors::get());
		assert_ok(Pallet::<T>::revoke(
			RawOrigin::Signed(guarantors[0].clone()).into(),
			T::Lookup::unlookup(protege.clone()),
		));
		let guarantor = member::<T>("late", 0);
		let mut offers: Vec<T::AccountId> =
			(1..T::MaxGuarantors::get()).map(|i| account("offer", i, SEED)).collect();
		offers.push(guarantor.clone());
		Offers::<T>::insert(&protege, BoundedVec::truncate_from(offers));
		#[extrinsic_call]
		_(RawOrigin::Signed(protege.clone()), T::Lookup::unlookup(guarantor));
		assert!(matches!(
			Members::<T>::get(&protege).map(|m| m.status),
			Some(MemberStatus::Active)
		));
	}

	// A protégé drops a guarantor and enters grace.
	#[benchmark]
	fn drop_guarantor() {
		let (protege, guarantors) = guaranteed_member::<T>(T::MinGuarantors::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(protege.clone()), T::Lookup::unlookup(guarantors[0].clone()));
		assert!(matches!(
			Members::<T>::get(&protege).map(|m| m.status),
			Some(MemberStatus::Grace { .. })
		));
	}

	#[benchmark]
	fn set_safeguards() -> Result<(), BenchmarkError> {
		let origin =
			T::ClassOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (_, max) = T::SafeguardBounds::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, max);
		assert_eq!(CurrentSafeguards::<T>::get(), max);
		Ok(())
	}

	#[benchmark]
	fn readmit() -> Result<(), BenchmarkError> {
		let origin =
			T::ClassOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let expelled: T::AccountId = account("expelled", 0, SEED);
		Barred::<T>::insert(&expelled, BlockNumberFor::<T>::from(1_000u32));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(expelled.clone()));
		assert!(!Barred::<T>::contains_key(&expelled));
		Ok(())
	}

	// Acceptance of a full application: the candidate is admitted.
	#[benchmark]
	fn accept() {
		let (candidate, _) = application::<T>(T::MaxGuarantors::get(), false);
		#[extrinsic_call]
		_(RawOrigin::Signed(candidate.clone()));
		assert!(Members::<T>::contains_key(&candidate));
	}

	// A sponsor pays the fee of an accepted application with the most guarantees: the
	// candidate is admitted and the fee reaches the fund.
	#[benchmark]
	fn pay_fee() {
		let (candidate, _) = unpaid_application::<T>(T::MaxGuarantors::get(), true, false);
		let sponsor = funded::<T>("sponsor", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(sponsor), T::Lookup::unlookup(candidate.clone()));
		assert!(Members::<T>::contains_key(&candidate));
	}

	#[benchmark]
	fn decline() {
		let (candidate, _) = application::<T>(T::MaxGuarantors::get(), false);
		#[extrinsic_call]
		_(RawOrigin::Signed(candidate.clone()));
		assert!(!Applications::<T>::contains_key(&candidate));
	}

	// A revocation that puts the protégé in grace.
	#[benchmark]
	fn revoke() {
		let (protege, guarantors) = guaranteed_member::<T>(T::MinGuarantors::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(guarantors[0].clone()), T::Lookup::unlookup(protege.clone()));
		assert!(matches!(
			Members::<T>::get(&protege).map(|m| m.status),
			Some(MemberStatus::Grace { .. })
		));
	}

	#[benchmark]
	fn expire_application() {
		let (candidate, _) = application::<T>(T::MaxGuarantors::get(), false);
		let caller = funded::<T>("caller", 0);
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(ApplicationPeriod::<T>::get()),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), T::Lookup::unlookup(candidate.clone()));
		assert!(!Applications::<T>::contains_key(&candidate));
	}

	#[benchmark]
	fn end_grace() {
		let (protege, guarantors) = guaranteed_member::<T>(T::MinGuarantors::get());
		assert_ok(Pallet::<T>::revoke(
			RawOrigin::Signed(guarantors[0].clone()).into(),
			T::Lookup::unlookup(protege.clone()),
		));
		let caller = funded::<T>("caller", 0);
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(GracePeriod::<T>::get()),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), T::Lookup::unlookup(protege.clone()));
		assert!(!Members::<T>::contains_key(&protege));
	}

	// `n` guarantees of an expelled member end; each protégé enters grace.
	#[benchmark]
	fn continue_departure(n: Linear<1, { T::MaxProteges::get() }>) {
		let departed = member::<T>("departed", 0);
		for i in 0..n {
			let (protege, _) = {
				let protege = candidate::<T>("protege", i);
				let other = member::<T>("other", i);
				fresh_period::<T>();
				assert_ok(Pallet::<T>::propose(
					RawOrigin::Signed(departed.clone()).into(),
					T::Lookup::unlookup(protege.clone()),
					CLASS,
				));
				pay_fee_of::<T>(&protege);
				assert_ok(
					Pallet::<T>::guarantee(
						RawOrigin::Signed(other).into(),
						T::Lookup::unlookup(protege.clone()),
					)
					.map(|_| ())
					.map_err(|e| e.error),
				);
				assert_ok(Pallet::<T>::accept(RawOrigin::Signed(protege.clone()).into()));
				(protege, ())
			};
			let _ = protege;
		}
		assert_ok(Pallet::<T>::expel(&departed));
		let caller = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), T::Lookup::unlookup(departed.clone()), n);
		assert!(!Departing::<T>::contains_key(&departed));
	}

	// `d` application expiries (each with the most guarantors) and `e` departure guarantees.
	#[benchmark]
	fn on_initialize(
		d: Linear<0, { T::MaxDeadlinesPerBlock::get() }>,
		e: Linear<0, { T::DeparturePageSize::get() }>,
	) {
		let now = frame_system::Pallet::<T>::block_number();
		let due = now.saturating_add(ApplicationPeriod::<T>::get());
		let mut deadlines = BoundedVec::new();
		let sponsor = funded::<T>("sponsor", 0);
		for i in 0..d {
			let candidate: T::AccountId = account("candidate", i, SEED);
			let expires_at = due;
			let mut guarantors = BoundedVec::new();
			for j in 0..T::MaxGuarantors::get() {
				let g = member::<T>("guarantor", i * 1_000 + j);
				assert_ok(T::Escrow::lock(&g, &candidate, quantum::<T>()));
				Proteges::<T>::insert(&g, &candidate, BlockNumberFor::<T>::zero());
				let _ = guarantors.try_push(g);
			}
			frame_system::Pallet::<T>::inc_providers(&candidate);
			ClassUsers::<T>::mutate(CLASS, |n| n.saturating_inc());
			// A fee paid, which the expiry refunds.
			assert_ok(
				T::Currency::mint_into(&Pallet::<T>::fee_account(), quantum::<T>()).map(|_| ()),
			);
			Applications::<T>::insert(
				&candidate,
				Application {
					class: CLASS,
					guarantors,
					accepted: false,
					expires_at,
					fee: quantum::<T>(),
					fee_paid_by: Some(sponsor.clone()),
				},
			);
			let _ = deadlines.try_push(Deadline::ApplicationExpiry(candidate));
		}
		Deadlines::<T>::insert(due, deadlines);
		if e > 0 {
			let departed = member::<T>("departed", 0);
			for i in 0..e {
				let protege = member::<T>("protege", i);
				assert_ok(T::Escrow::lock(&departed, &protege, quantum::<T>()));
				Proteges::<T>::insert(&departed, &protege, BlockNumberFor::<T>::zero());
				Members::<T>::mutate(&protege, |m| {
					if let Some(m) = m {
						let _ = m.guarantors.try_push(departed.clone());
					}
				});
			}
			Departing::<T>::insert(&departed, e);
			Members::<T>::remove(&departed);
		}
		#[block]
		{
			Pallet::<T>::on_initialize(due);
		}
		assert_eq!(Deadlines::<T>::get(due).len(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
